package io.imsconnect.server.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/**
 * The counts of failed sign-ins that never reached the provider's answer, as an administrator reads them:
 * {@code GET /api/v1/login-failures} and Administration › Access management › Failed sign-ins.
 */
@SignInTest
class LoginFailureCountTest {

    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OperatorService operators;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void listWhenCallbacksWereForgedThenOneIntervalCountsThemWithItsSampleDecision() throws Exception {
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);
        for (int i = 0; i < 5; i++) {
            URI forged = URI.create("http://localhost:" + port + "/login/oauth2/code/" + account + "?code=forged" + i
                    + "&state=forged" + i);
            ANONYMOUS.send(HttpRequest.newBuilder(forged).build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode counts = api.get("/api/v1/login-failures?account=" + account).json();

        assertThat(counts).hasSize(1);
        JsonNode count = counts.get(0);
        assertThat(count.path("reasonCode").asString()).isEqualTo("authorization_request_not_found");
        assertThat(count.path("failures").asInt()).isBetween(1, 5);
        JsonNode sample = api.get("/api/v1/login-decisions?account=" + account).json();
        assertThat(sample).hasSize(1);
        assertThat(count.path("sample").asString()).isEqualTo(sample.get(0).path("id").asString());
        assertThat(count.path("reason").asString()).isEqualTo(sample.get(0).path("reason").asString());
    }

    @Test
    void listWhenFilteredByAccountReasonAndTimeThenOnlyThoseNewestFirst() {
        String account = seeded();

        assertThat(intervals("?account=" + account)).containsExactly("12:00 busy 7",
                "11:00 authorization_request_not_found 40", "11:00 busy 3", "10:00 authorization_request_not_found 2");
        assertThat(intervals("?account=" + account + "&reason=busy")).containsExactly("12:00 busy 7",
                "11:00 busy 3");
        assertThat(intervals("?account=" + account + "&from=2026-11-20T11:00:00Z&to=2026-11-20T12:00:00Z"))
                .containsExactly("11:00 authorization_request_not_found 40", "11:00 busy 3");
        assertThat(intervals("?account=nobody" + account)).isEmpty();
    }

    @Test
    void listWhenPagedThenPagesFollowEachOtherWithoutOverlap() {
        String account = seeded();

        assertThat(intervals("?account=" + account + "&limit=3")).hasSize(3);
        assertThat(intervals("?account=" + account + "&offset=3&limit=3"))
                .containsExactly("10:00 authorization_request_not_found 2");
        assertThat(intervals("?account=" + account + "&offset=4")).isEmpty();
    }

    @Test
    void listWhenSqlInFiltersThenMatchesNothingAndTheTableIsIntact() {
        String account = seeded();

        for (String hostile : List.of("' or '1'='1", "x'; drop table login_failure_tally; --", "\\' or 1=1 --")) {
            Api.Response response = api.get("/api/v1/login-failures?account=" + encode(hostile) + "&reason="
                    + encode(hostile));
            assertThat(response.status()).as(hostile).isEqualTo(200);
            assertThat(response.json()).as(hostile).isEmpty();
        }
        assertThat(intervals("?account=" + account)).hasSize(4);
    }

    @Nested
    class Refused {

        @Test
        void listWhenFromOrToOutOfRangeThenBadRequestNamingEach() {
            Api.Response response = api.get("/api/v1/login-failures?from=-999999999-01-01T00:00:00Z"
                    + "&to=%2B10000-01-01T00:00:00Z");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCodes("from")).containsExactly("outOfRange");
            assertThat(response.errorCodes("to")).containsExactly("outOfRange");
        }

        @Test
        void listWhenOffsetNegativeOrLimitTooLargeThenBadRequestNamingIt() {
            assertThat(api.get("/api/v1/login-failures?offset=-1").errorCodes("offset")).containsExactly("outOfRange");
            assertThat(api.get("/api/v1/login-failures?limit=1001").errorCodes("limit")).containsExactly("outOfRange");
        }

        @Test
        void listWhenNotAnAdministratorThenForbiddenAndAnonymousUnauthorized() {
            String name = "viewer" + UUID.randomUUID().toString().substring(0, 8);
            operators.createLocal(name, "Viewer", "viewer-password-1", Set.of("report"));

            assertThat(api.as(name, "viewer-password-1").get("/api/v1/login-failures").status()).isEqualTo(403);
            assertThat(api.anonymous().get("/api/v1/login-failures").status()).isEqualTo(401);
        }
    }

    @Nested
    class Console {

        @Test
        void pageWhenAdministratorThenShowsEachIntervalWithALinkToItsSample() throws Exception {
            String account = seeded();
            ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

            HttpResponse<String> page = console.get("/admin/login-failures?account=" + account + "&reason=busy");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"failures\"").contains(">7<").contains(">3<")
                    .contains("/admin/login-decisions?reference=" + account + "-sample-12")
                    .doesNotContain("<code>authorization_request_not_found</code>");
        }

        @Test
        void pageWhenFromIsNotADateOrOutOfRangeThenSaysWhichFieldAndListsNothing() throws Exception {
            ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

            String notADate = console.get("/admin/login-failures?from=yesterday").body();
            String outOfRange = console.get("/admin/login-failures?to=%2B99999-01-01T00:00:00Z").body();

            assertThat(notADate).contains("<code>from</code>").contains("is not a date").contains("id=\"no-failures\"");
            assertThat(outOfRange).contains("<code>to</code>").contains("must be between");
        }

        @Test
        void pageWhenNotAnAdministratorThenForbidden() throws Exception {
            String name = "viewer" + UUID.randomUUID().toString().substring(0, 8);
            operators.createLocal(name, "Viewer", "viewer-password-1", Set.of("report"));

            assertThat(ConsoleSession.signIn(port, name, "viewer-password-1").get("/admin/login-failures")
                    .statusCode()).isEqualTo(403);
        }
    }

    /** An account's four intervals over three hours; the samples are named {@code account-sample-HH}. */
    private String seeded() {
        String account = "seeded_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        tally(account, "authorization_request_not_found", 0, 2);
        tally(account, "authorization_request_not_found", 1, 40);
        tally(account, "busy", 1, 3);
        tally(account, "busy", 2, 7);
        return account;
    }

    private void tally(String account, String reason, int hours, int failures) {
        jdbc.sql("insert into login_failure_tally (account, reason_code, window_start, failures, sample_id)"
                + " values (?, ?, ?, ?, ?)").params(account, reason, Timestamp.from(T0.plusSeconds(3600L * hours)),
                        failures, account + "-sample-" + (10 + hours)).update();
    }

    private List<String> intervals(String query) {
        Api.Response response = api.get("/api/v1/login-failures" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode count : response.json()) {
            rows.add(count.path("intervalStart").asString().substring(11, 16) + " "
                    + count.path("reasonCode").asString() + " " + count.path("failures").asInt());
        }
        return rows;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
