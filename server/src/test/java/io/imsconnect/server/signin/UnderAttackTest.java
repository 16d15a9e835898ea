package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;
import io.imsconnect.server.testing.SignInTest;

/**
 * What an anonymous party can make the instance store or log (issue 13 items 3, 4 and 6), and the headers and
 * documents it gets: each over real HTTP, as an attacker would send it.
 */
@SignInTest
@ExtendWith(OutputCaptureExtension.class)
class UnderAttackTest {

    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OperatorService operators;

    Api api;
    SignInSupport support;
    Sandbox sandbox = Sandbox.get();
    String account;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        support = new SignInSupport(api);
        account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void apiWhenCalledWithoutSessionThenNoSessionIsStored() {
        long before = sessions();

        for (int i = 0; i < 20; i++) {
            assertThat(api.anonymous().get("/api/v1/me").status()).isEqualTo(401);
            assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
            assertThat(api.anonymous().post("/api/v1/security-groups", "{}").status()).isIn(401, 403);
        }

        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void authorizationStartWhenAnonymousThenNothingIsStored() throws Exception {
        long before = sessions();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> start = get("/oauth2/authorization/" + account);
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith(sandbox.url());
            // The authorization request rides in the browser's sealed cookie, not a session (docs/decisions/0025).
            assertThat(start.headers().allValues("Set-Cookie")).singleElement().asString()
                    .startsWith(AuthorizationRequestCookie.COOKIE + "=");
        }

        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void callbackWhenForgedManyTimesThenOneSampleIsRecordedNotOneRowEach() throws Exception {
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> forged = get("/login/oauth2/code/" + account + "?code=forged" + i + "&state=forged" + i);
            assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login/refused");
        }

        assertThat(support.decisionCount(account)).isEqualTo(1);
        assertThat(support.lastDecision(account).path("reason").asString()).contains("authorization_request_not_found");
    }

    @Test
    void startWhenProviderDownManyTimesThenOneSampleIsRecorded() throws Exception {
        sandbox.faults("{\"down\":true}");

        for (int i = 0; i < 20; i++) {
            assertThat(get("/login/start/" + account).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login/refused");
        }

        assertThat(support.decisionCount(account)).isEqualTo(1);
    }

    @Test
    void signInWhenTheProviderAnsweredAndTheIdTokenWasRefusedThenEveryAttemptIsRecorded() {
        sandbox.faults("{\"wrongNonce\":true}");

        for (int i = 0; i < 3; i++) {
            assertThat(new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD).uri().getPath())
                    .isEqualTo("/login/refused");
        }

        assertThat(support.decisionCount(account)).isEqualTo(3);
    }

    @Test
    void authorizationStartWhenAccountUnknownThenBackToSignInWithOneShortEscapedLogLine(CapturedOutput output)
            throws Exception {
        int logged = output.getAll().length();

        HttpResponse<String> start = get("/oauth2/authorization/nope%1B%5B31mred");

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login?unknownAccount");
        String log = output.getAll().substring(logged);
        assertThat(log).doesNotContain("\u001B").doesNotContain("\tat ").contains("nope\\u001B[31mred");
        assertThat(log.lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void consolePagesWhenServedThenStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> login = get("/login");

        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void redirectToSignInWhenHostHeaderForgedThenLocationNamesNoOtherHost() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /admin/groups HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response).startsWith("HTTP/1.1 302");
            assertThat(response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst())
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("evil.example").endsWith("/login"));
        }
    }

    @Test
    void openApiWhenOperatorIsNotAnAdministratorThenForbidden() {
        String name = "reader" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Reader", "reader-password-1", Set.of("report"));

        assertThat(api.as(name, "reader-password-1").get("/v3/api-docs").status()).isEqualTo(403);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return ANONYMOUS.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
