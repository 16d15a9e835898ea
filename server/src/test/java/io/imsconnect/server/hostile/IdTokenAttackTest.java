package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;

import tools.jackson.databind.JsonNode;

/**
 * The authorization-code flow attacks that {@code signin/ProtocolAttackTest} does not already hold: an ID token
 * without a nonce, a callback without a state, a callback carried to another account, and the ID-token checks on an
 * OpenID Connect account as on an IMS one. Each ends refused, recorded FAILED, and with no operator created.
 * docs/security/hostile-inputs.md.
 */
@HostileSignInTest
class IdTokenAttackTest {

    private static final String ALICE = "alice@acme.example";

    @LocalServerPort
    int port;

    Api api;
    Accounts accounts;
    Sandbox sandbox = Sandbox.get();

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void idTokenWhenNonceMissingThenFailed() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        sandbox.faults("{\"noNonce\":true}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

        assertRefused(page, account, "invalid_nonce");
    }

    @Test
    void callbackWhenStateMissingThenFailedAndNothingCreated() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(account, ALICE, Sandbox.PASSWORD);

        SignInFlow.Step page = flow.deliver(URI.create(callback.toString().replaceAll("[&?]state=[^&]+", "")));

        assertThat(page.uri().getPath()).isIn("/login/refused", "/login");
        assertThat(operatorsOf(account)).isZero();
        assertThat(flow.get("/admin/groups").response().statusCode()).isEqualTo(302);
    }

    /**
     * The state names the sign-in this browser started, and the account is that sign-in's: a callback carried to
     * another account's path signs in through the account that started it, never the one the path names.
     */
    @Test
    void callbackWhenCarriedToAnotherAccountsPathThenTheAccountIsTheOneThatStartedTheSignIn() {
        String first = accounts.adobeIms(Accounts.ACME_MASK, null);
        String second = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(first, ALICE, Sandbox.PASSWORD);

        flow.deliver(URI.create(callback.toString().replace("/code/" + first, "/code/" + second)));

        assertThat(operatorsOf(second)).isZero();
        assertThat(api.get("/api/v1/login-decisions?account=" + second).json()).isEmpty();
    }

    @Test
    void oidcAccountWhenIdTokenForgedThenEachCheckRefusesIt() {
        String account = accounts.oidc(Accounts.ACME_MASK);
        for (String fault : new String[] { "idTokenAlgNone", "signWithUnknownKey", "wrongAudience", "wrongIssuer",
                "expiredIdToken", "wrongNonce", "noNonce" }) {
            sandbox.faults("{\"" + fault + "\":true}");

            SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

            assertThat(page.uri().getPath()).as(fault).isEqualTo("/login/refused");
            assertThat(page.body()).as(fault).doesNotContain("eyJ").doesNotContain("Exception");
            assertThat(operatorsOf(account)).as(fault).isZero();
        }
        sandbox.clearFaults();
        assertThat(new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD).uri().getPath()).isEqualTo("/");
    }

    private void assertRefused(SignInFlow.Step page, String account, String code) {
        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        JsonNode decision = api.get("/api/v1/login-decisions?account=" + account + "&limit=1").json().get(0);
        assertThat(decision.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(decision.path("reason").asString()).contains("[" + code + "]");
        assertThat(page.body()).contains(decision.path("id").asString()).doesNotContain("eyJ");
        assertThat(operatorsOf(account)).isZero();
    }

    private long operatorsOf(String account) {
        long count = 0;
        for (JsonNode operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())) {
                count++;
            }
        }
        return count;
    }
}
