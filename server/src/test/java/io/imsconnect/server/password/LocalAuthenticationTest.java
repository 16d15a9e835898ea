package io.imsconnect.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

@InstanceTest
class LocalAuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void apiWhenPasswordWrongThenUnauthorizedWithTheSameAnswerAsAnUnknownOperator() {
        Api.Response wrongPassword = api.as("admin", "not-the-password").get("/api/v1/me");
        Api.Response unknownOperator = api.as("nobody" + UUID.randomUUID(), "not-the-password").get("/api/v1/me");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownOperator.json().path("detail"));
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void apiWhenNoCredentialsThenUnauthorizedProblemNotARedirect() {
        Api.Response anonymous = api.anonymous().get("/api/v1/security-groups");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void loginWhenFailuresRepeatThenAccountIsBlockedEvenForTheRightPassword() {
        String name = "throttled" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Throttled", "right-password-1", Set.of("report"));
        Api right = api.as(name, "right-password-1");
        Api wrong = api.as(name, "wrong-password");
        assertThat(right.get("/api/v1/me").status()).isEqualTo(200);

        for (int i = 0; i < 7; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }

        Api.Response blocked = right.get("/api/v1/me");
        assertThat(blocked.status()).isEqualTo(401);
        assertThat(blocked.json().path("detail")).isEqualTo(wrong.get("/api/v1/me").json().path("detail"));
        assertThat(api.get("/api/v1/me").status()).as("other accounts are not blocked").isEqualTo(200);
    }

    @Test
    void consoleWhenNotSignedInThenRedirectedToTheLoginPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/groups")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void healthWhenAnonymousThenUp() {
        Api.Response health = api.anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusWhenScrapedByAnAdministratorThenExposesMetricsAndRefusesAnonymous() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/actuator/prometheus")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void loginWhenPasswordWrongFourTimesThenRightPasswordStillWorks() {
        String name = "counted" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Counted", "right-password-1", Set.of("report"));

        for (int i = 0; i < 4; i++) {
            assertThat(api.as(name, "wrong-password").get("/api/v1/me").status()).isEqualTo(401);
        }

        assertThat(api.as(name, "right-password-1").get("/api/v1/me").status())
                .as("each wrong password counts once, so four stay under the threshold of five").isEqualTo(200);
    }

    @Test
    void apiWhenBasicCredentialsComeCrossSiteThenCsrfTokenRequired() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/packages/core/install")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes()))
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/packages/core/install", null).status()).isEqualTo(200);
    }

    @Test
    void openApiWhenRequestedThenDescribesTheApi() {
        Api.Response document = api.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("paths").has("/api/v1/security-groups")).isTrue();
        assertThat(document.json().path("paths").has("/api/v1/operators/{name}/groups")).isTrue();
    }
}
