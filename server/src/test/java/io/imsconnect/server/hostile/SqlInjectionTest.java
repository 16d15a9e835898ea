package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.InstanceTest;

/**
 * SQL injection through every API filter, paging parameter and path variable, the console's filters and the
 * sign-in name, on H2 and PostgreSQL. There are rows for a tautology to leak, so a filter spliced into the SQL
 * would answer them; bound parameters answer nothing. No sort parameter exists: every list's order is fixed in
 * the SQL, and {@code limit} and {@code offset} are integers checked for range. docs/security/hostile-inputs.md.
 */
@InstanceTest
class SqlInjectionTest {

    static final List<String> PAYLOADS = List.of("' or '1'='1", "x' or 1=1 --", "%' or '%'='",
            "x'; drop table security_group; --", "x' union select name from operator --", "\\' or 1=1 --");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        api.post("/api/v1/security-groups", "{\"internalName\":\"sqli" + ScriptInjectionTest.unique()
                + "\",\"label\":\"Something to leak\",\"rights\":[]}");
        jdbc.sql("insert into login_decision (id, occurred_at, account, subject, email, operator_name, outcome, reason,"
                + " profiles, per_profile, groups_granted, groups_added, groups_removed)"
                + " values (?, ?, 'acct', 'sub', 'someone@example.com', null, 'FAILED', 'seeded', '[]', '[]', '[]',"
                + " '[]', '[]')").params(UUID.randomUUID().toString(), Timestamp.from(Instant.now())).update();
        jdbc.sql("insert into login_failure_tally (account, reason_code, window_start, failures, sample_id)"
                + " values ('acct', 'other', ?, 3, ?)").params(Timestamp.from(Instant.now()),
                        UUID.randomUUID().toString()).update();
    }

    @Test
    void listFiltersWhenInjectedThenMatchNothing() {
        List<String> filters = List.of("/api/v1/login-decisions?operator=", "/api/v1/login-decisions?account=",
                "/api/v1/audit-events?actor=", "/api/v1/audit-events?action=", "/api/v1/audit-events?targetType=",
                "/api/v1/directory-sync/runs?account=", "/api/v1/directory-sync/runs?operator=",
                "/api/v1/login-failures?account=", "/api/v1/login-failures?reason=");
        assertThat(api.get("/api/v1/audit-events").json()).as("rows to leak").isNotEmpty();
        assertThat(api.get("/api/v1/login-decisions").json()).as("rows to leak").isNotEmpty();
        assertThat(api.get("/api/v1/login-failures").json()).as("rows to leak").isNotEmpty();

        for (String filter : filters) {
            for (String payload : PAYLOADS) {
                Api.Response response = api.get(filter + ScriptInjectionTest.encode(payload));
                assertThat(response.status()).as(filter + payload).isEqualTo(200);
                assertThat(response.json()).as(filter + payload).isEmpty();
            }
        }
        assertIntact();
    }

    @Test
    void typedParametersWhenInjectedThenBadRequestNamingThem() {
        for (String payload : PAYLOADS) {
            String injected = ScriptInjectionTest.encode(payload);
            assertThat(api.get("/api/v1/login-decisions?outcome=" + injected).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/directory-sync/runs?state=" + injected).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/audit-events?from=" + injected).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/audit-events?limit=1" + injected).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/login-failures?offset=0" + injected).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/directory-sync/runs/1" + injected).status()).isEqualTo(400);
        }
        assertIntact();
    }

    @Test
    void pathVariablesWhenInjectedThenNotFound() {
        for (String payload : PAYLOADS) {
            String injected = ScriptInjectionTest.encode(payload).replace("+", "%20");
            for (String path : List.of("/api/v1/security-groups/", "/api/v1/operators/", "/api/v1/external-accounts/",
                    "/api/v1/login-decisions/")) {
                Api.Response response = api.get(path + injected);
                assertThat(response.status()).as(path + payload).isIn(400, 404);
                // An encoded %, ; or \ is refused before any controller (Spring Security's firewall, Tomcat): 400.
                assertThat(response.body()).as(path + payload).doesNotContainIgnoringCase("exception")
                        .doesNotContain("\tat ").doesNotContain("SQL").doesNotContain("Tomcat/");
            }
            assertThat(api.delete("/api/v1/security-groups/" + injected).status()).isIn(400, 404);
            assertThat(api.post("/api/v1/operators/" + injected + "/disable", null).status()).isIn(400, 404);
        }
        assertIntact();
    }

    @Test
    void consoleFiltersWhenInjectedThenMatchNothing() throws Exception {
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        for (String payload : PAYLOADS) {
            String injected = ScriptInjectionTest.encode(payload);
            assertThat(admin.get("/admin/login-decisions?operator=" + injected).body()).contains("id=\"no-decisions\"");
            assertThat(admin.get("/admin/login-failures?account=" + injected).body()).contains("id=\"no-failures\"");
            assertThat(admin.get("/admin/audit?actor=" + injected).body()).doesNotContain("<td>admin</td>");
        }
        assertThat(admin.get("/admin/audit").body()).contains("<td>admin</td>");
        assertIntact();
    }

    @Test
    void signInNameWhenInjectedThenRefused() {
        for (String payload : PAYLOADS) {
            assertThat(api.as(payload, "wrong").get("/api/v1/me").status()).as(payload).isEqualTo(401);
            assertThat(api.as("admin" + payload, "wrong").get("/api/v1/me").status()).as(payload).isEqualTo(401);
        }
        assertIntact();
    }

    private void assertIntact() {
        assertThat(api.get("/api/v1/security-groups").json()).isNotEmpty();
        assertThat(api.get("/api/v1/operators/admin").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from login_decision").query(Long.class).single()).isPositive();
    }
}
