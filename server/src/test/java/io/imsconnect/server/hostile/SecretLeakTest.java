package io.imsconnect.server.hostile;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static io.imsconnect.server.testing.AccountBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;

/**
 * Secrets never leave: the answers {@code account/AccountSecretTest} does not already read (a refused save, in the
 * API and the console; a connection test and a sign-in refused for the wrong secret; the OpenAPI document) carry
 * neither a client secret nor a token, and neither does the log. docs/security/hostile-inputs.md.
 */
@HostileSignInTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTest {

    @LocalServerPort
    int port;

    Api api;
    Accounts accounts;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
    }

    @Test
    void saveWhenRefusedThenNeitherTheProblemNorTheFormEchoesTheSecret(CapturedOutput output) throws Exception {
        String secret = secret();
        String name = "leak" + ScriptInjectionTest.unique();
        List<String> seen = new ArrayList<>();

        Api.Response refused = api.put("/api/v1/external-accounts/" + name,
                json(with(with(adobe(secret), "imsServer", "ftp://ims.example"), "directoryClientSecret", secret)));
        assertThat(refused.status()).isEqualTo(400);
        seen.add(refused.body());
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        Map<String, String> form = new HashMap<>(Map.of("internalName", name, "type", "adobe-ims", "label", "x",
                "imsServer", "ftp://ims.example", "imsClientSecret", secret, "directoryClientSecret", secret));
        String page = admin.postForm("/admin/accounts/new", "/admin/accounts/new", form).body();
        assertThat(page).contains("imsServer");
        seen.add(page);
        seen.add(output.getAll());

        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }

    @Test
    void connectionTestAndSignInWhenTheSecretIsWrongThenNeitherReportNorPageNorDecisionShowsIt(CapturedOutput output)
            throws Exception {
        String secret = secret();
        String account = accounts.adobeIms(Accounts.ACME_MASK, "\"imsClientSecret\":\"" + secret + "\"");
        List<String> seen = new ArrayList<>();

        Api.Response report = api.post("/api/v1/external-accounts/" + account + "/test", null);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("invalid_client");
        seen.add(report.body());
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        seen.add(admin.postForm("/admin/accounts/" + account, "/admin/accounts/" + account + "/test", Map.of()).body());
        SignInFlow.Step refused = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
        seen.add(refused.body());
        seen.add(api.get("/api/v1/login-decisions?account=" + account).body());
        seen.add(admin.get("/admin/login-decisions?outcome=FAILED").body());
        seen.add(api.get("/v3/api-docs").body());
        seen.add(output.getAll());

        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret).doesNotContain("eyJ"));
    }

    @Test
    void bearerTokenWhenRefusedThenNeitherTheAnswerNorTheLogRepeatsIt(CapturedOutput output) {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiYWNjZXNzX3Rva2VuIn0.c2lnbmF0dXJl";

        Api.Response refused = api.bearer(forged).get("/api/v1/security-groups");
        Api.Response garbage = api.bearer("not-a-token-" + ScriptInjectionTest.unique()).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(refused.body() + garbage.body() + output.getAll()).doesNotContain(forged)
                .doesNotContain("not-a-token-");
    }
}
