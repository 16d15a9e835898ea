package io.imsconnect.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.core.access.Suspension;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ImsTokens;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/**
 * {@code Authorization: Bearer} on the REST API with IMS access tokens from the sandbox over real HTTP: a
 * technical account's client-credentials token and a person's own token let their operator in through the
 * sign-in decision; every refusal creates nothing and answers the right status.
 */
@SignInTest
class BearerTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    Api api;
    Accounts accounts;
    ImsTokens ims = new ImsTokens();
    List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
    }

    /** Accounts stay enabled otherwise, and the next test's tokens would be routed to them. */
    @AfterEach
    void removeAccounts() {
        created.forEach(name -> api.delete("/api/v1/external-accounts/" + name));
    }

    private String imsAccount(String mask, String... clients) {
        String name = accounts.adobeIms(mask, "\"apiClientIds\":" + json(clients));
        created.add(name);
        return name;
    }

    @Test
    void bearerWhenTechnicalAccountTokenThenListsAndChangesGroupsAsOneTechnicalOperatorNamedByItsEmail() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_SCRIPTS);
        Api script = api.bearer(ims.clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET));

        Api.Response groups = script.get("/api/v1/security-groups");
        Api.Response createdGroup = script.post("/api/v1/security-groups",
                "{\"internalName\":\"scripted" + System.nanoTime() % 100000 + "\",\"label\":\"By a script\","
                        + "\"rights\":[\"delivery\"]}");
        Api.Response me = script.get("/api/v1/me");

        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.setCookie()).as("stateless: no session").isNull();
        assertThat(createdGroup.status()).as("no CSRF token needed").isEqualTo(201);
        // Named by its e-mail; suffixed when another account's test already holds that name in this database.
        assertThat(me.json().path("name").asString()).startsWith(ImsTokens.ACME_SCRIPTS_EMAIL);
        assertThat(me.json().path("email").asString()).isEqualTo(ImsTokens.ACME_SCRIPTS_EMAIL);
        assertThat(me.json().path("technical").asBoolean()).isTrue();
        List<JsonNode> operators = operatorsOf(account);
        assertThat(operators).hasSize(1);
        assertThat(operators.get(0).path("technical").asBoolean()).isTrue();
        assertThat(decisions(account)).extracting(d -> d.path("outcome").asString()).containsExactly("ALLOWED");
        assertThat(decisions(account).get(0).path("subject").asString()).isEqualTo(ImsTokens.ACME_SCRIPTS_ID);
    }

    @Test
    void bearerWhenTechnicalAccountLacksAdminThenOnlyWhatItsGroupsAllow() {
        imsAccount("Campaign - acme - (delivery)", ImsTokens.ACME_SCRIPTS);
        Api script = api.bearer(ims.clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET));

        assertThat(script.get("/api/v1/me").json().path("rights").toString()).isEqualTo("[\"delivery\"]");
        assertThat(script.get("/api/v1/security-groups").status()).isEqualTo(403);
    }

    @Test
    void bearerWhenPersonsOwnImsTokenThenThatPersonsOperator() {
        String account = imsAccount(Accounts.ACME_MASK, Sandbox.CLIENT_ID);
        Api alice = api.bearer(ims.userToken("alice@acme.example", Sandbox.PASSWORD));

        JsonNode me = alice.get("/api/v1/me").json();

        assertThat(me.path("email").asString()).isEqualTo("alice@acme.example");
        assertThat(me.path("technical").asBoolean()).isFalse();
        assertThat(me.path("rights").toString()).isEqualTo("[\"admin\",\"delivery\"]");
        assertThat(operatorsOf(account)).hasSize(1);
    }

    @Test
    void bearerWhenClientNotAllowedThen401AndNothingCreated() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_SCRIPTS);
        Api reports = api.bearer(ims.clientCredentials(ImsTokens.ACME_REPORTS, ImsTokens.ACME_REPORTS_SECRET));

        Api.Response refused = reports.get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("apiClientIds");
        assertThat(operatorsOf(account)).isEmpty();
    }

    @Test
    void bearerWhenAnotherOrganizationThen403RecordedAndNothingCreated() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.GLOBEX_SCRIPTS);

        Api.Response refused = api.bearer(ims.clientCredentials(ImsTokens.GLOBEX_SCRIPTS,
                ImsTokens.GLOBEX_SCRIPTS_SECRET)).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("decision").asString()).isNotBlank();
        assertThat(operatorsOf(account)).isEmpty();
        assertThat(decisions(account)).extracting(d -> d.path("outcome").asString())
                .containsExactly("REFUSED_NOT_IN_ORGANIZATION");
    }

    @Test
    void bearerWhenNoProfileMapsThen403AndNothingCreated() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_REPORTS);

        Api.Response refused = api.bearer(ims.clientCredentials(ImsTokens.ACME_REPORTS,
                ImsTokens.ACME_REPORTS_SECRET)).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).contains("right matching the expression");
        assertThat(operatorsOf(account)).isEmpty();
    }

    @Test
    void bearerWhenExpiredThen401AndNothingCreated() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_SCRIPTS);
        long dayAgo = Instant.now().minusSeconds(2 * 86400).toEpochMilli();
        String expired = jwt("{\"alg\":\"RS256\"}", "{\"type\":\"access_token\",\"client_id\":\"acme-scripts\","
                + "\"user_id\":\"" + ImsTokens.ACME_SCRIPTS_ID + "\",\"created_at\":\"" + dayAgo
                + "\",\"expires_in\":\"86400000\"}");

        Api.Response refused = api.bearer(expired).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("expired");
        assertThat(operatorsOf(account)).isEmpty();
    }

    @Test
    void bearerWhenGarbageFloodThen401AndAtMostOneRecord() {
        int before = decisions(RefusalRecords.NO_ACCOUNT).size();
        for (int i = 0; i < 50; i++) {
            assertThat(api.bearer("garbage-" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(decisions(RefusalRecords.NO_ACCOUNT).size()).isLessThanOrEqualTo(before + 1);
    }

    @Test
    void bearerWhenAccountDisabledThen401() {
        String account = accounts.adobeIms(Accounts.ACME_MASK, "\"apiClientIds\":[\"acme-scripts\"],\"enabled\":false");
        created.add(account);

        Api.Response refused = api.bearer(ims.clientCredentials(ImsTokens.ACME_SCRIPTS,
                ImsTokens.ACME_SCRIPTS_SECRET)).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(operatorsOf(account)).isEmpty();
    }

    @Test
    void bearerWhenOperatorDisabledThen403EvenWithACachedToken() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_SCRIPTS);
        Api script = api.bearer(ims.clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET));
        String name = script.get("/api/v1/me").json().path("name").asString();

        assertThat(api.post("/api/v1/operators/" + encode(name) + "/disable", null).status()).isEqualTo(200);
        Api.Response refused = script.get("/api/v1/me");
        api.post("/api/v1/operators/" + encode(name) + "/enable", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(decisions(account).get(0).path("outcome").asString()).isEqualTo("REFUSED_OPERATOR_DISABLED");
    }

    @Test
    void bearerWhenOperatorSuspendedByTheDirectoryThen403EvenWithACachedToken() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_SCRIPTS);
        Api script = api.bearer(ims.clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET));
        String name = script.get("/api/v1/me").json().path("name").asString();
        Operator operator = operators.findByName(name).orElseThrow();

        operators.setSuspension(operator, Suspension.NOT_ACTIVE, "the directory lists the account as disabled");
        Api.Response refused = script.get("/api/v1/me");
        operators.setSuspension(operator, null, null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(decisions(account).get(0).path("outcome").asString()).isEqualTo("REFUSED_OPERATOR_SUSPENDED");
    }

    @Test
    void testConnectionWhenApiClientsSetThenProbesImsTokenCheck() {
        String account = imsAccount(Accounts.ACME_MASK, ImsTokens.ACME_SCRIPTS);

        JsonNode report = api.post("/api/v1/external-accounts/" + account + "/test", null).json();

        JsonNode step = null;
        for (JsonNode s : report.path("steps")) {
            step = "apiTokens".equals(s.path("name").asString()) ? s : step;
        }
        assertThat(step).as(report.toString()).isNotNull();
        assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue();
        assertThat(step.path("detail").asString()).contains("/ims/validate_token/v1");
    }

    static String jwt(String header, String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private List<JsonNode> operatorsOf(String account) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/operators").json().forEach(o -> {
            if (account.equals(o.path("origin").asString())) {
                found.add(o);
            }
        });
        return found;
    }

    private List<JsonNode> decisions(String account) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/login-decisions?limit=1000&account=" + encode(account)).json().forEach(found::add);
        return found;
    }

    private static String json(String... values) {
        return "[\"" + String.join("\",\"", values) + "\"]";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
