package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.core.access.AccessDecisions;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/** Sign in with Adobe ID against the sandbox IMS over real HTTP: allowed, kept in step, refused. */
@SignInTest
class ImsSignInTest {

    @LocalServerPort
    int port;

    Api api;
    Accounts accounts;
    SignInSupport support;
    Sandbox sandbox = Sandbox.get();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
        support = new SignInSupport(api);
    }

    @Test
    void signInWhenAllowedFirstTimeThenOperatorCreatedWithMappedGroupsAndRightsInTheSession() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);

        SignInFlow.Step home = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.response().statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("alice@acme.example").contains("MASK");
        JsonNode alice = support.onlyOperatorOf(account);
        assertThat(alice.path("name").asString()).startsWith("alice@acme.example");
        assertThat(alice.path("email").asString()).isEqualTo("alice@acme.example");
        assertThat(alice.path("label").asString()).isEqualTo("Alice Archer");
        assertThat(support.groups(alice, "MASK")).containsExactly("admin", "delivery");
        assertThat(alice.path("rights").toString()).isEqualTo("[\"admin\",\"delivery\"]");
        JsonNode decision = support.lastDecision(account);
        assertThat(decision.path("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(decision.path("subject").asString()).isEqualTo(Sandbox.ALICE);
        assertThat(decision.path("groupsAdded").toString()).isEqualTo("[\"admin\",\"delivery\"]");
        assertThat(decision.path("profiles").toString()).contains("Campaign - acme - admin");
    }

    @Test
    void testConnectionWhenAccountPointsAtTheSandboxThenEveryStepPassesIncludingBothClients() {
        String account = accounts.adobeIms(Accounts.ACME_MASK,
                "\"directoryClientId\":\"imsconnect-directory\",\"directoryClientSecret\":\"directory-secret\"");

        JsonNode report = api.post("/api/v1/external-accounts/" + account + "/test", null).json();

        assertThat(report.path("steps").valueStream().map(step -> step.path("name").asString() + "="
                + step.path("ok").asBoolean()).toList()).containsExactly("discovery=true", "jwks=true",
                        "authorizationEndpoint=true", "tokenEndpoint=true", "loginClient=true",
                        "clientCredentials=true");
        assertThat(report.path("ok").asBoolean()).isTrue();
    }

    @Test
    void testConnectionWhenLoginSecretWrongThenTheLoginClientStepSaysSo() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, "\"imsClientSecret\":\"not-the-secret\"");

        JsonNode report = api.post("/api/v1/external-accounts/" + account + "/test", null).json();

        JsonNode last = report.path("steps").get(report.path("steps").size() - 1);
        assertThat(last.path("name").asString()).isEqualTo("loginClient");
        assertThat(last.path("ok").asBoolean()).isFalse();
        assertThat(last.path("detail").asString()).contains("invalid_client");
    }

    @Test
    void authorizationRequestWhenImsThenScopesCommaSeparatedWithPkceS256StateAndNonce() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);

        flow.untilCallback(account, "alice@acme.example", Sandbox.PASSWORD);

        String query = flow.visited().stream().filter(uri -> uri.getPath().endsWith("/ims/authorize/v2"))
                .findFirst().orElseThrow().getRawQuery();
        assertThat(query).contains("scope=openid,AdobeID,read_organizations,additional_info.projectedProductContext")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("state=")
                .contains("nonce=");
    }

    @Test
    void metricsWhenSignInsHappenedThenCountedByOutcomeAndTimed() throws Exception {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/actuator/prometheus")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body()).contains("imsconnect_login_decisions_total{outcome=\"ALLOWED\"}")
                .contains("imsconnect_login_callback_seconds_count");
    }

    @Test
    void signInWhenProfilesChangedSinceLastTimeThenMaskMembershipsFollowAndManualOnesStay() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        String name = support.onlyOperatorOf(account).path("name").asString();
        assertThat(api.put("/api/v1/operators/" + name + "/groups", "{\"groups\":[\"report\"]}").status())
                .isEqualTo(200);
        try {
            sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of("Campaign - acme - content",
                    "Campaign - acme - delivery"));

            new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        } finally {
            sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of("Campaign - acme - admin",
                    "Campaign - acme - delivery"));
        }

        JsonNode alice = support.onlyOperatorOf(account);
        assertThat(support.groups(alice, "MASK")).containsExactly("content", "delivery");
        assertThat(support.groups(alice, "MANUAL")).containsExactly("report");
        JsonNode decision = support.lastDecision(account);
        assertThat(decision.path("groupsAdded").toString()).isEqualTo("[\"content\"]");
        assertThat(decision.path("groupsRemoved").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void signInWhenProfilesInheritedThroughAUserGroupThenTheyMapToo() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);

        new SignInFlow(port).signIn(account, "bob@acme.example", Sandbox.PASSWORD);

        assertThat(support.groups(support.onlyOperatorOf(account), "MASK")).containsExactly("content", "delivery");
    }

    @Test
    void signInWhenProductContextHeldThenAllowed() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, "\"productContext\":\"dma_campaign\"");

        new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("ALLOWED");
    }

    @Test
    void signInWhenReturnPathIsLocalThenLandsThere() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);

        SignInFlow.Step landed = flow.deliver(flow.untilCallbackFrom("/login/start/" + account + "?returnTo=/admin/groups",
                "alice@acme.example", Sandbox.PASSWORD));

        assertThat(landed.uri().getPath()).isEqualTo("/admin/groups");
        assertThat(landed.response().statusCode()).isEqualTo(200);
    }

    @Test
    void signOutWhenSignedInThroughImsThenSessionEndsAndBrowserGoesToImsLogoutAndBack() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);
        flow.signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        SignInFlow.Step out = flow.postForm("/logout", "/");

        String back = "http://localhost:" + port + "/login?logout";
        assertThat(out.location()).isEqualTo(sandbox.url() + "/ims/logout/v1?client_id=imsconnect-demo&redirect_uri="
                + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(flow.get(java.net.URI.create(out.location())).location()).isEqualTo(back);
        assertThat(flow.get("/").location()).endsWith("/login");
    }

    @Test
    void sessionWhenSignedInThenStoredInTheDatabaseAndEndedWhenTheOperatorIsDisabled() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);
        flow.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        String name = support.onlyOperatorOf(account).path("name").asString();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(flow.get("/").response().statusCode()).isEqualTo(200);

        api.post("/api/v1/operators/" + name + "/disable", null);

        assertThat(flow.get("/").location()).endsWith("/login");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void loginDecisionsWhenFilteredByTheEmailOfARefusedUserThenFoundAndBadInputNamesTheField() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        new SignInFlow(port).signIn(account, "carol@acme.example", Sandbox.PASSWORD);

        JsonNode found = api.get("/api/v1/login-decisions?account=" + account + "&operator=carol@acme.example").json();

        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("outcome").asString()).isEqualTo("REFUSED_NO_MATCHING_GROUP");
        assertThat(api.get("/api/v1/login-decisions?from=yesterday").errorCodes("from")).containsExactly("invalidValue");
        assertThat(api.get("/api/v1/login-decisions?outcome=MAYBE").errorCodes("outcome")).containsExactly("invalidValue");
        assertThat(api.get("/api/v1/login-decisions?limit=0").errorCodes("limit")).containsExactly("outOfRange");
        Api.Response nowhere = api.get("/api/v1/no-such-endpoint");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void startWhenPromptIsLoginThenTheProviderIsAskedForItsFormAndAnyOtherPromptIsDropped() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow flow = new SignInFlow(port);

        String asked = flow.get(flow.get("/login/start/" + account + "?prompt=login").location()).location();
        String none = flow.get(flow.get("/login/start/" + account + "?prompt=none").location()).location();
        String consent = flow.get("/oauth2/authorization/" + account + "?prompt=consent").location();
        String plain = flow.get("/oauth2/authorization/" + account).location();

        assertThat(asked).startsWith(sandbox.issuer() + "/authorize/v2?").contains("&prompt=login")
                .contains("code_challenge=");
        assertThat(none).startsWith(sandbox.issuer() + "/authorize/v2?").doesNotContain("prompt");
        assertThat(consent).startsWith(sandbox.issuer() + "/authorize/v2?").doesNotContain("prompt");
        assertThat(plain).doesNotContain("prompt");
    }

    /**
     * Each refusal ends on a page in words for someone who is not signed in: the words of its kind, the reference,
     * nothing of the recorded reason (organization IDs, mask, profile and group names), which administrators read
     * in Login decisions; and nothing is created.
     */
    @Nested
    class Refused {

        @Test
        void signInWhenMemberOfAnotherOrganizationOnlyThenRefusedAndNoOrganizationIdShown() throws Exception {
            String account = accounts.adobeIms(Accounts.ACME_MASK, null);

            SignInFlow.Step page = new SignInFlow(port).signIn(account, "dave@globex.example", Sandbox.PASSWORD);

            assertRefused(page, account, "REFUSED_NOT_IN_ORGANIZATION", "NOT_IN_ORGANIZATION");
            assertThat(page.body()).doesNotContain(Sandbox.ACME).doesNotContain(Sandbox.GLOBEX);
            assertThat(support.lastDecision(account).path("reason").asString()).contains(Sandbox.ACME)
                    .contains(Sandbox.GLOBEX);
        }

        @Test
        void signInWhenNoProfileMatchesTheMaskThenRefusedAndTheProfilesShownToAdministratorsOnly() throws Exception {
            String account = accounts.adobeIms(Accounts.ACME_MASK, null);

            SignInFlow.Step page = new SignInFlow(port).signIn(account, "carol@acme.example", Sandbox.PASSWORD);

            assertRefused(page, account, "REFUSED_NO_MATCHING_GROUP", "NO_PROFILE");
            assertThat(page.body()).doesNotContain("Analytics - acme - reports").doesNotContain("Campaign - acme")
                    .doesNotContain(AccessDecisions.NO_MATCHING_RIGHT_MESSAGE);
            JsonNode decision = support.lastDecision(account);
            assertThat(decision.path("perProfile").get(0).path("status").asString()).isEqualTo("NO_MATCH");
            String detail = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD)
                    .get("/admin/login-decisions?reference=" + decision.path("id").asString()).body();
            assertThat(detail).contains(AccessDecisions.NO_MATCHING_RIGHT_MESSAGE).contains("Analytics - acme - reports");
        }

        @Test
        void signInWhenProfileNamesAMissingGroupThenRefusedAsNotSetUpWithoutTheGroupName() {
            String account = accounts.adobeIms("Campaign - (acme) - .*", null);

            SignInFlow.Step page = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

            assertRefused(page, account, "REFUSED_NO_MATCHING_GROUP", "PROFILE_NOT_MAPPED");
            assertThat(page.body()).doesNotContain("acme");
            assertThat(support.lastDecision(account).path("perProfile").get(0).path("status").asString())
                    .isEqualTo("UNKNOWN_GROUP");
        }

        @Test
        void signInWhenUserHoldsNoProfileThenRefused() {
            String account = accounts.adobeIms(Accounts.ACME_MASK, null);

            SignInFlow.Step page = new SignInFlow(port).signIn(account, "erin@acme.example", Sandbox.PASSWORD);

            assertRefused(page, account, "REFUSED_NO_MATCHING_GROUP", "NO_PROFILE");
        }

        @Test
        void signInWhenProductContextMissingThenRefusedWithoutNamingIt() {
            String account = accounts.adobeIms(Accounts.ACME_MASK, "\"productContext\":\"dma_campaign_classic\"");

            SignInFlow.Step page = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

            assertRefused(page, account, "REFUSED_PRODUCT_CONTEXT", "PRODUCT_CONTEXT");
            assertThat(page.body()).doesNotContain("dma_campaign_classic").doesNotContain(Sandbox.ACME);
        }

        @Test
        void signInWhenOperatorDisabledThenRefusedAndMembershipsUntouched() {
            String account = accounts.adobeIms(Accounts.ACME_MASK, null);
            new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
            String name = support.onlyOperatorOf(account).path("name").asString();
            api.post("/api/v1/operators/" + name + "/disable", null);
            sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of("Campaign - acme - content"));
            SignInFlow.Step page;
            try {
                page = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
            } finally {
                sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of("Campaign - acme - admin",
                        "Campaign - acme - delivery"));
            }

            assertThat(page.uri().getPath()).isEqualTo("/login/refused");
            assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("REFUSED_OPERATOR_DISABLED");
            assertThat(page.body()).contains("data-refusal=\"OPERATOR_DISABLED\"")
                    .contains(SignInSupport.words("refusal.OPERATOR_DISABLED.what"));
            assertThat(support.groups(support.onlyOperatorOf(account), "MASK")).containsExactly("admin", "delivery");
        }

        private void assertRefused(SignInFlow.Step page, String account, String outcome, String refusal) {
            assertThat(page.uri().getPath()).isEqualTo("/login/refused");
            assertThat(page.response().statusCode()).isEqualTo(200);
            JsonNode decision = support.lastDecision(account);
            assertThat(decision.path("outcome").asString()).isEqualTo(outcome);
            assertThat(page.body()).contains("data-refusal=\"" + refusal + "\"")
                    .contains(SignInSupport.words("refusal." + refusal + ".title"))
                    .contains(SignInSupport.words("refusal." + refusal + ".what"))
                    .contains(SignInSupport.words("refusal." + refusal + ".next"))
                    .contains(decision.path("id").asString())
                    .contains("href=\"/login/start/" + account + "?prompt=login\"");
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("eyJ")
                    .doesNotContain(decision.path("reason").asString());
            assertThat(support.operatorsOf(account)).isEmpty();
        }
    }
}
