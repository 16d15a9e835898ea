package io.imsconnect.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;
import io.imsconnect.server.testing.SignInTest;

/**
 * A request that changes nothing in its session writes nothing (docs/decisions/0022): the callback stores the
 * signed-in session with its CSRF token, the pages after it read the session only, and a session whose last access
 * is older than the granularity has it recorded again.
 */
@SignInTest
class SessionWritesTest {

    private static final String CSRF = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";
    private static final String CONTEXT = "SPRING_SECURITY_CONTEXT";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String account;

    @BeforeEach
    void setUp() {
        account = new Accounts(Api.at(port), port).adobeIms(Accounts.ACME_MASK, null);
    }

    @Test
    void pagesWhenSignedInThenTheSessionIsNotWrittenAgainAndTheCallbacksCsrfTokenSignsOut() {
        SignInFlow flow = new SignInFlow(port);
        URI callback = flow.untilCallback(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(URI.create(flow.get(callback).location()).getPath()).isEqualTo("/");
        Map<String, Object> signedIn = row(flow);
        assertThat(attributes(flow)).contains(CONTEXT, CSRF)
                .noneMatch(name -> name.contains("OAuth2AuthorizationRequest"));

        assertThat(flow.get("/").response().statusCode()).isEqualTo(200);
        assertThat(flow.get("/").response().statusCode()).isEqualTo(200);

        assertThat(row(flow)).isEqualTo(signedIn);
        assertThat(flow.postForm("/logout", "/").response().statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from spring_session where primary_id = ?")
                .param(signedIn.get("primary_id")).query(Long.class).single()).isZero();
    }

    @Test
    void pageWhenTheRecordedLastAccessIsOlderThanTheGranularityThenRecordedAgain() {
        SignInFlow flow = new SignInFlow(port);
        flow.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        long back = SparingSessions.GRANULARITY.toMillis() + 1000;
        jdbc.sql("update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ? "
                + "where session_id = ?").params(back, back, sessionId(flow)).update();
        long backdated = ((Number) row(flow).get("last_access_time")).longValue();

        assertThat(flow.get("/").response().statusCode()).isEqualTo(200);

        Map<String, Object> after = row(flow);
        assertThat(((Number) after.get("last_access_time")).longValue()).isGreaterThan(backdated);
        assertThat(((Number) after.get("expiry_time")).longValue() - ((Number) after.get("last_access_time")).longValue())
                .isEqualTo(((Number) after.get("max_inactive_interval")).longValue() * 1000);
    }

    private Map<String, Object> row(SignInFlow flow) {
        return jdbc.sql("select primary_id, session_id, last_access_time, expiry_time, max_inactive_interval, "
                + "principal_name from spring_session where session_id = ?").param(sessionId(flow)).query().singleRow();
    }

    private List<String> attributes(SignInFlow flow) {
        return jdbc.sql("select a.attribute_name from spring_session_attributes a join spring_session s "
                + "on s.primary_id = a.session_primary_id where s.session_id = ?").param(sessionId(flow))
                .query(String.class).list();
    }

    /** The session's id as the cookie carries it (Spring Session's cookie holds it Base64-encoded). */
    private static String sessionId(SignInFlow flow) {
        return new String(Base64.getDecoder().decode(flow.cookie("IMSCONNECT_SESSION")), StandardCharsets.UTF_8);
    }
}
