package io.imsconnect.bench.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The whole sign-in journey, one virtual user per sign-in: start at {@code /oauth2/authorization/{registration}},
 * sign in at the sandbox IMS, come back through the callback, land on the page, sign out. Redirects are walked one
 * by one, so each hop is its own request in the report and "callback" is the application's own work (token
 * exchange, ID-token checks, and for the instance: identity reading, the decision, the operator). Every user is a
 * different one of the sandbox generator's org ({@code user<i>@bench.example}, {@code -Dusers} of them);
 * {@code -Dfirst=N} picks where to start, so a second pass over the same range measures returning operators.
 *
 * <p>System properties: {@code target} (base URL), {@code registration}, {@code mode} ({@code rate}: an open model
 * of {@code rate} sign-ins a second; {@code saturation}: a closed model of {@code concurrency} users signing in
 * back to back), {@code seconds}, {@code first}.
 */
public class SignInSimulation extends Simulation {

    private static final String TARGET = System.getProperty("target", "http://localhost:8081");
    private static final String REGISTRATION = System.getProperty("registration", "bench");
    private static final String MODE = System.getProperty("mode", "rate");
    private static final double RATE = Double.parseDouble(System.getProperty("rate", "5"));
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 16);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int COUNT = Integer.getInteger("count", 10000);
    private static final int USER_COUNT = Integer.getInteger("users", 20000);
    private static final AtomicInteger NEXT_USER = new AtomicInteger(Integer.getInteger("first", 0));

    /** The generator's users in turn from {@code first}, wrapping around at {@code users}. */
    private static final Iterator<Map<String, Object>> USERS = Stream.generate(() -> Map.<String, Object>of(
            "email", "user" + NEXT_USER.getAndIncrement() % USER_COUNT + "@bench.example")).iterator();

    private final HttpProtocolBuilder protocol = http.disableFollowRedirect().disableCaching()
            .userAgentHeader("imsconnect-bench");

    private static final ChainBuilder SIGN_IN = io.gatling.javaapi.core.CoreDsl.feed(USERS)
            .exec(http("start").get(TARGET + "/oauth2/authorization/" + REGISTRATION)
                    .check(status().is(302), header("Location").saveAs("authorize")))
            .exec(session -> session.set("ims", origin(session.getString("authorize"))))
            .exec(http("authorize").get("#{authorize}")
                    .check(status().is(302), header("Location").saveAs("loginForm")))
            .exec(http("login form").get(session -> absolute(session.getString("ims"), session.getString("loginForm")))
                    .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf"),
                            css("form", "action").saveAs("loginAction")))
            .exec(http("login").post(session -> absolute(session.getString("ims"), session.getString("loginAction")))
                    .formParam("username", "#{email}").formParam("password", "password").formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").saveAs("authorizeAgain")))
            .exec(http("authorize again")
                    .get(session -> absolute(session.getString("ims"), session.getString("authorizeAgain")))
                    .check(status().is(302), header("Location").saveAs("callback")))
            .exec(http("callback").get("#{callback}")
                    .check(status().is(302),
                            // A refusal (ours: /login/refused) or an error (the floor: /login?error) is a failure.
                            header("Location").transform(landing -> landing.contains("/login")).is(false)))
            .exec(http("page").get(TARGET + "/")
                    .check(status().is(200), css("form[action$='/logout'] input[name=_csrf]", "value").saveAs("logout")))
            .exec(http("sign out").post(TARGET + "/logout").formParam("_csrf", "#{logout}")
                    .check(status().is(302)))
            .exec(flushCookieJar());

    private final ScenarioBuilder signIn = scenario("sign-in " + MODE).exec(SIGN_IN);

    {
        if ("count".equals(MODE)) {
            setUp(scenario("sign-in count").repeat(Math.max(1, COUNT / CONCURRENCY)).on(SIGN_IN)
                    .injectOpen(atOnceUsers(CONCURRENCY))).protocols(protocol);
        } else if ("saturation".equals(MODE)) {
            setUp(signIn.injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(SECONDS))))
                    .protocols(protocol);
        } else {
            setUp(signIn.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS))))
                    .protocols(protocol);
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String absolute(String origin, String location) {
        return location.startsWith("http") ? location : origin + location;
    }
}
