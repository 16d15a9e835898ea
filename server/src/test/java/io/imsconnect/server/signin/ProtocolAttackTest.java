package io.imsconnect.server.signin;

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
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/**
 * Attacks on, and failures of, the authorization-code flow. Each must end in a recorded FAILED decision, a
 * page that says why, and no operator created.
 */
@SignInTest
class ProtocolAttackTest {

    private static final String ALICE = "alice@acme.example";

    @LocalServerPort
    int port;

    Api api;
    Accounts accounts;
    SignInSupport support;
    Sandbox sandbox = Sandbox.get();
    String account;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
        support = new SignInSupport(api);
        account = accounts.adobeIms(Accounts.ACME_MASK, null);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void callbackWhenStateAlteredThenFailed() {
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(account, ALICE, Sandbox.PASSWORD);

        SignInFlow.Step page = flow.deliver(URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged")));

        assertFailed(page, "authorization_request_not_found", "START_AGAIN");
    }

    @Test
    void callbackWhenReplayedThenSecondDeliveryFailsAndChangesNothing() {
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(account, ALICE, Sandbox.PASSWORD);
        assertThat(flow.deliver(callback).uri().getPath()).isEqualTo("/");
        int operators = support.operatorsOf(account).size();

        SignInFlow.Step replay = new SignInFlow(port).deliver(callback);

        assertThat(replay.uri().getPath()).isEqualTo("/login/refused");
        assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(support.operatorsOf(account)).hasSize(operators);
    }

    @Test
    void callbackWhenReplayedWithTheSignInsOwnCookieThenFailedAndChangesNothing() {
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(account, ALICE, Sandbox.PASSWORD);
        String sealed = flow.cookie(AuthorizationRequestCookie.COOKIE);
        assertThat(flow.deliver(callback).uri().getPath()).isEqualTo("/");
        assertThat(flow.cookie(AuthorizationRequestCookie.COOKIE)).as("cleared by the callback").isNull();
        int operators = support.operatorsOf(account).size();
        SignInFlow attacker = new SignInFlow(port);
        attacker.plantCookie(AuthorizationRequestCookie.COOKIE, sealed);

        SignInFlow.Step replay = attacker.deliver(callback);

        assertThat(replay.uri().getPath()).isEqualTo("/login/refused");
        assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(support.operatorsOf(account)).hasSize(operators);
    }

    @Test
    void callbackWhenCodeAlreadyRedeemedThenFailedWithInvalidGrant() {
        SignInFlow first = new SignInFlow(port);
        URI used = first.untilCallback(account, ALICE, Sandbox.PASSWORD);
        first.deliver(used);
        int operators = support.operatorsOf(account).size();
        SignInFlow second = new SignInFlow(port);
        URI fresh = second.untilCallback(account, ALICE, Sandbox.PASSWORD);

        SignInFlow.Step page = second.deliver(withCodeOf(fresh, used));

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("invalid_grant");
        assertThat(support.operatorsOf(account)).hasSize(operators);
    }

    @Test
    void callbackWhenCodeWasIssuedForAnotherPkceChallengeThenFailedWithInvalidGrant() {
        SignInFlow victim = new SignInFlow(port);
        URI stolen = victim.untilCallback(account, ALICE, Sandbox.PASSWORD);
        SignInFlow attacker = new SignInFlow(port);
        URI own = attacker.untilCallback(account, ALICE, Sandbox.PASSWORD);

        SignInFlow.Step page = attacker.deliver(withCodeOf(own, stolen));

        assertFailed(page, "invalid_grant", "START_AGAIN");
    }

    @Test
    void idTokenWhenNonceDoesNotMatchThenFailed() {
        sandbox.faults("{\"wrongNonce\":true}");

        assertFailed(new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD), "invalid_nonce", "START_AGAIN");
    }

    @Test
    void idTokenWhenSignedByAnUnknownKeyThenFailed() {
        sandbox.faults("{\"signWithUnknownKey\":true}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

        assertFailed(page, "invalid_id_token", "CONFIGURATION");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("signature");
    }

    @Test
    void idTokenWhenAlgorithmIsNoneThenFailed() {
        sandbox.faults("{\"idTokenAlgNone\":true}");

        assertFailed(new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD), "invalid_id_token", "CONFIGURATION");
    }

    @Test
    void idTokenWhenAudienceIsAnotherClientThenFailed() {
        sandbox.faults("{\"wrongAudience\":true}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

        assertFailed(page, "invalid_id_token", "CONFIGURATION");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("audience");
    }

    @Test
    void idTokenWhenIssuerIsAnotherThenFailed() {
        sandbox.faults("{\"wrongIssuer\":true}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

        assertFailed(page, "invalid_id_token", "CONFIGURATION");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("issuer");
    }

    @Test
    void idTokenWhenIssuerDiffersFromDiscoveryButMatchesTheAccountsIssuerOverrideThenAllowed() {
        sandbox.faults("{\"wrongIssuer\":true}");
        String overridden = accounts.adobeIms(Accounts.ACME_MASK, "\"issuer\":\"https://wrong-issuer.invalid/ims\"");

        SignInFlow.Step home = new SignInFlow(port).signIn(overridden, ALICE, Sandbox.PASSWORD);

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(support.lastDecision(overridden).path("outcome").asString()).isEqualTo("ALLOWED");
    }

    @Test
    void idTokenWhenExpiredThenFailed() {
        sandbox.faults("{\"expiredIdToken\":true}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

        assertFailed(page, "invalid_id_token", "CONFIGURATION");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("expired");
    }

    @Test
    void tokenRequestWhenClientSecretWrongThenFailedNamingTheClientCredentials() {
        // The later field wins: the account is saved with a secret IMS does not know.
        String wrongSecret = accounts.adobeIms(Accounts.ACME_MASK, "\"imsClientSecret\":\"not-the-secret\"");

        SignInFlow.Step page = new SignInFlow(port).signIn(wrongSecret, ALICE, Sandbox.PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(support.lastDecision(wrongSecret).path("reason").asString()).contains("client id or secret");
        assertThat(support.operatorsOf(wrongSecret)).isEmpty();
    }

    @Test
    void startWhenAccountUnknownThenBackToSignInAndNothingRecorded() {
        String unknown = "nosuch" + java.util.UUID.randomUUID().toString().substring(0, 8);

        SignInFlow.Step page = new SignInFlow(port).deliver(
                URI.create("http://localhost:" + port + "/login/start/" + unknown));

        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.body()).contains("does not exist or is switched off");
        assertThat(support.decisionCount(unknown)).isZero();
    }

    @Test
    void returnPathWhenItLeadsToAnotherSiteThenIgnored() {
        for (String hostile : new String[] { "https://evil.example/", "//evil.example/", "/\\evil.example",
                "javascript:alert(1)" }) {
            SignInFlow flow = new SignInFlow(port);
            String start = "/login/start/" + account + "?returnTo=" + java.net.URLEncoder.encode(hostile,
                    java.nio.charset.StandardCharsets.UTF_8);

            SignInFlow.Step landed = flow.deliver(flow.untilCallbackFrom(start, ALICE, Sandbox.PASSWORD));

            assertThat(landed.uri().toString()).as(hostile).isEqualTo("http://localhost:" + port + "/");
        }
    }

    @Test
    void signInWhenIdentityProviderDownThenFailedPageAndLocalSignInStillWorks() {
        sandbox.faults("{\"down\":true}");

        SignInFlow.Step page = new SignInFlow(port).deliver(
                URI.create("http://localhost:" + port + "/login/start/" + account));

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(page.body()).contains("data-refusal=\"PROVIDER_UNAVAILABLE\"")
                .contains(SignInSupport.words("refusal.PROVIDER_UNAVAILABLE.what"))
                .contains("id=\"try-again\" class=\"btn btn-primary\" href=\"/login/start/" + account + "\"")
                .doesNotContain("id=\"sign-in-another\"");
        assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void signInWhenTokenEndpointSlowerThanTheTimeoutThenFailedInBoundedTime() {
        sandbox.faults("{\"tokenDelayMillis\":8000}");
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(account, ALICE, Sandbox.PASSWORD);

        SignInFlow.Step page = flow.deliver(callback);

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(page.body()).contains("data-refusal=\"PROVIDER_UNAVAILABLE\"");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("did not answer in time");
        assertThat(support.operatorsOf(account)).isEmpty();
    }

    @Test
    void signInWhenProfileEndpointSlowerThanTheTimeoutThenFailed() {
        sandbox.faults("{\"profileDelayMillis\":8000}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(page.body()).contains("data-refusal=\"PROVIDER_UNAVAILABLE\"");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("did not answer in time");
        assertThat(support.operatorsOf(account)).isEmpty();
    }

    @Test
    void signInWhenProviderRotatedItsKeyThenTheNewKeyIsAccepted() {
        assertThat(new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD).uri().getPath()).isEqualTo("/");

        sandbox.rotateKeys();

        assertThat(new SignInFlow(port).signIn(account, ALICE, Sandbox.PASSWORD).uri().getPath()).isEqualTo("/");
        assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("ALLOWED");
    }

    /** A failed sign-in: its code recorded for administrators, the page in the words of {@code refusal}. */
    private void assertFailed(SignInFlow.Step page, String errorCode, String refusal) {
        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        JsonNode decision = support.lastDecision(account);
        assertThat(decision.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(decision.path("reason").asString()).contains("[" + errorCode + "]");
        assertThat(page.body()).contains(decision.path("id").asString()).doesNotContain("eyJ")
                .doesNotContain("Exception").contains("data-refusal=\"" + refusal + "\"");
        assertThat(support.operatorsOf(account)).isEmpty();
    }

    private static URI withCodeOf(URI callback, URI codeDonor) {
        String code = codeDonor.getRawQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        return URI.create(callback.toString().replaceAll("code=[^&]+", "code=" + code));
    }
}
