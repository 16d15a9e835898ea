package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: one cookie jar, redirects followed by hand, the sandbox's sign-in form filled
 * in. Drives the real authorization-code flow between the instance and the sandbox IMS over HTTP, and can
 * stop at the callback so a test can tamper with it.
 */
public final class SignInFlow {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String server;
    private final List<URI> visited = new ArrayList<>();

    public SignInFlow(int serverPort) {
        this.server = "http://localhost:" + serverPort;
    }

    /** Where a flow stopped: the last response and its URI. */
    public record Step(URI uri, HttpResponse<String> response) {

        public String location() {
            return response.headers().firstValue("Location").orElse(null);
        }

        public String body() {
            return response.body();
        }
    }

    /** Starts at the instance's sign-in button and goes until the IMS redirect back to the instance. */
    public URI untilCallback(String account, String email, String password) {
        return untilCallbackFrom("/login/start/" + account, email, password);
    }

    /** The same, starting at any path of the instance (a start with a return path, say). */
    public URI untilCallbackFrom(String startPath, String email, String password) {
        Step step = get(URI.create(server + startPath));
        while (true) {
            if (step.response().statusCode() == 200 && step.body().contains("name=\"password\"")
                    && !step.uri().toString().startsWith(server)) {
                step = submitCredentials(step, email, password);
                continue;
            }
            String location = step.location();
            if (location == null) {
                throw new AssertionError("The flow stopped at " + step.uri() + " with HTTP "
                        + step.response().statusCode() + " before the callback: " + visited);
            }
            URI next = step.uri().resolve(location);
            if (next.getPath().startsWith("/login/oauth2/code/") && next.toString().startsWith(server)) {
                return next;
            }
            step = get(next);
        }
    }

    /** Delivers a callback to the instance and follows the instance's redirects to the page it ends on. */
    public Step deliver(URI callback) {
        Step step = get(callback);
        while (step.location() != null && step.uri().resolve(step.location()).toString().startsWith(server)) {
            step = get(step.uri().resolve(step.location()));
        }
        return step;
    }

    /** The whole sign-in: the page (or the redirect away from the instance) it ends on. */
    public Step signIn(String account, String email, String password) {
        return deliver(untilCallback(account, email, password));
    }

    public Step get(String path) {
        return get(URI.create(server + path));
    }

    /** Posts a console form with this session's CSRF token (read from {@code tokenPage}). */
    public Step postForm(String path, String tokenPage) {
        String token = csrf(get(tokenPage).body());
        return send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token))).build());
    }

    /** Signs in with a local operator's password on the instance's sign-in form, as a browser would. */
    public Step postLogin(String name, String password) {
        String token = csrf(get("/login").body());
        return send(HttpRequest.newBuilder(URI.create(server + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(name) + "&password=" + encode(password)
                        + "&_csrf=" + encode(token))).build());
    }

    /** The value of this browser's cookie {@code name} for the instance, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(server)).stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * Plants cookie {@code name} in this browser for the instance, as an attacker fixing a session would (through
     * the cookie manager, as if the instance had set it, so the instance's next cookie of that name replaces it).
     */
    public void plantCookie(String name, String value) {
        try {
            cookies.put(URI.create(server + "/"),
                    java.util.Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<URI> visited() {
        return List.copyOf(visited);
    }

    private Step submitCredentials(Step loginPage, String email, String password) {
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf(loginPage.body()));
        URI action = loginPage.uri().resolve(formAction(loginPage.body()));
        return send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public Step get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private Step send(HttpRequest request) {
        visited.add(request.uri());
        try {
            return new Step(request.uri(), http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formAction(String html) {
        Matcher matcher = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : "";
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
