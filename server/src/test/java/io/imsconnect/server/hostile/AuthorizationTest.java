package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * Authorization: an operator without the right {@code admin} is refused every administration route the
 * controllers map (read from Spring MVC, so a route added later is covered), in the console and the API, with
 * its session and its CSRF token, or HTTP Basic; the OpenAPI document and the actuator's endpoints likewise. A
 * disabled operator's password opens nothing. docs/security/hostile-inputs.md.
 */
@InstanceTest
class AuthorizationTest {

    /** What every signed-in operator may use. */
    private static final Set<String> OPEN = Set.of("GET /", "GET /api/v1/version", "GET /api/v1/me", "GET /login",
            "GET /login/refused", "GET /login/start/1", "GET /error", "POST /error");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    OperatorService operators;

    Api api;
    String reader;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        reader = "reader" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(reader, "Reader", "reader-password-1", Set.of("report"));
    }

    @Test
    void everyConsoleAdministrationRouteWhenNotAnAdministratorThenForbidden() throws Exception {
        CrossSiteRequestTest.Browser browser = CrossSiteRequestTest.Browser.signedIn(port, reader, "reader-password-1");
        String token = browser.token("/");
        List<Routes.Route> routes = Routes.of(mappings).all().stream()
                .filter(route -> !route.path().startsWith("/api/") && !route.path().startsWith("/v3/"))
                .filter(route -> !OPEN.contains(route.toString())).toList();
        assertThat(routes).extracting(Routes.Route::path).contains("/admin/groups", "/admin/login-failures",
                "/admin/accounts/1/test", "/admin/directory-sync/start");
        assertThat(routes).allSatisfy(route -> assertThat(route.path()).startsWith("/admin/"));

        for (Routes.Route route : routes) {
            HttpResponse<String> response = browser.send(route.method(), route.path(),
                    route.changesState() ? "_csrf=" + token : "", null);
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(403);
            assertThat(response.body()).as(route.toString()).doesNotContain("Exception");
        }
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void everyApiAdministrationRouteWhenNotAnAdministratorThenForbidden() {
        Api asReader = api.as(reader, "reader-password-1");
        List<Routes.Route> routes = Routes.of(mappings).under("/api/").stream()
                .filter(route -> !OPEN.contains(route.toString())).toList();
        assertThat(routes).extracting(Routes.Route::path).contains("/api/v1/security-groups",
                "/api/v1/login-failures", "/api/v1/external-accounts/1", "/api/v1/directory-sync/runs/1/apply");

        for (Routes.Route route : routes) {
            Api.Response response = switch (route.method()) {
                case "GET" -> asReader.get(route.path());
                case "DELETE" -> asReader.delete(route.path());
                case "PUT" -> asReader.put(route.path(), "{}");
                default -> asReader.post(route.path(), "{}");
            };
            assertThat(response.status()).as(route.toString()).isEqualTo(403);
            assertThat(response.contentType()).as(route.toString()).startsWith("application/problem+json");
        }
        assertThat(asReader.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void openApiAndMetricsWhenNotAnAdministratorThenForbiddenAndAnonymousUnauthorized() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/actuator/prometheus")) {
            assertThat(api.as(reader, "reader-password-1").get(path).status()).as(path).isEqualTo(403);
            assertThat(api.anonymous().get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void actuatorEndpointsBeyondHealthAndMetricsWhenEvenAnAdministratorAsksThenNotThere() throws Exception {
        CrossSiteRequestTest.Browser admin = CrossSiteRequestTest.Browser.signedIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        for (String endpoint : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings",
                "shutdown", "sessions", "scheduledtasks", "flyway", "conditions", "caches", "metrics")) {
            HttpResponse<String> response = admin.get("/actuator/" + endpoint);
            assertThat(response.statusCode()).as(endpoint).isEqualTo(404);
            assertThat(response.body()).as(endpoint).doesNotContain("spring.datasource").doesNotContain("password");
            assertThat(api.get("/actuator/" + endpoint).status()).as(endpoint).isNotEqualTo(200);
        }
        Api.Response health = api.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
    }

    @Test
    void disabledOperatorWhenItsPasswordIsUsedThenNothingOpens() throws Exception {
        String deputy = "deputy" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(deputy, "Deputy", "deputy-password-1", Set.of("admin"));
        assertThat(api.as(deputy, "deputy-password-1").get("/api/v1/security-groups").status()).isEqualTo(200);

        assertThat(api.post("/api/v1/operators/" + deputy + "/disable", null).status()).isEqualTo(200);

        assertThat(api.as(deputy, "deputy-password-1").get("/api/v1/security-groups").status()).isEqualTo(401);
        assertThat(api.as(deputy, "deputy-password-1").get("/api/v1/me").status()).isEqualTo(401);
    }
}
