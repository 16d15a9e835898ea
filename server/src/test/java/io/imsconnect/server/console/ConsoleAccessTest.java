package io.imsconnect.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/** The console over real HTTP with a real session: who sees the administration, and CSRF on the API. */
@InstanceTest
class ConsoleAccessTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    @Test
    void administrationWhenOperatorLacksAdminRightThenForbiddenAndNotLinked() throws Exception {
        String name = "viewer" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Viewer", "viewer-password-1", Set.of("report"));
        Browser browser = signIn(name, "viewer-password-1");

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(name).doesNotContain("/admin/groups");
        for (String page : new String[] { "/admin/groups", "/admin/operators", "/admin/packages", "/admin/audit" }) {
            HttpResponse<String> denied = browser.get(page);
            assertThat(denied.statusCode()).as(page).isEqualTo(403);
            assertThat(denied.body()).as(page).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void sessionWhenOperatorLosesARightThenEndedAndTheNextSignInCarriesTheNewRights() throws Exception {
        String name = "deputy" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Deputy", "deputy-password-1", Set.of("admin", "report"));
        Browser browser = signIn(name, "deputy-password-1");
        assertThat(browser.get("/admin/groups").statusCode()).isEqualTo(200);

        Api.at(port).put("/api/v1/operators/" + name + "/groups", "{\"groups\":[\"report\"]}");

        assertThat(browser.get("/admin/groups").statusCode()).as("the old session is gone").isEqualTo(302);
        assertThat(signIn(name, "deputy-password-1").get("/admin/groups").statusCode()).isEqualTo(403);
    }

    @Test
    void sessionWhenAGroupLosesARightThenItsMembersSessionsEnd() throws Exception {
        String group = "deputies" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Api.at(port).post("/api/v1/security-groups", "{\"internalName\":\"" + group
                + "\",\"label\":\"Deputies\",\"rights\":[\"admin\"]}");
        String name = "deputy" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Deputy", "deputy-password-1", Set.of(group));
        Browser browser = signIn(name, "deputy-password-1");
        assertThat(browser.get("/admin/groups").statusCode()).isEqualTo(200);

        Api.at(port).put("/api/v1/security-groups/" + group, "{\"label\":\"Deputies\",\"rights\":[\"report\"]}");

        assertThat(browser.get("/admin/groups").statusCode()).isEqualTo(302);
    }

    @Test
    void homeWhenAdminThenShowsGroupsWithSourceAndAdministrationLinks() throws Exception {
        Browser browser = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);

        String home = browser.get("/").body();

        assertThat(home).contains("/admin/groups").contains("/admin/operators").contains("/admin/packages");
        assertThat(home).contains("MANUAL").contains("Administrators");
    }

    @Test
    void apiWhenSessionCallsWithoutCsrfTokenThenForbiddenAndWithItAllowed() throws Exception {
        Browser browser = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = "csrf" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String body = "{\"internalName\":\"" + name + "\",\"label\":\"x\",\"rights\":[]}";

        assertThat(browser.postJson("/api/v1/security-groups", body, null).statusCode()).isEqualTo(403);
        String token = browser.csrfToken("/admin/groups/new");
        assertThat(browser.postJson("/api/v1/security-groups", body, token).statusCode()).isEqualTo(201);
    }

    @Test
    void consoleFormWhenInternalNameInvalidThenPageNamesTheFieldAndNothingIsCreated() throws Exception {
        Browser browser = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        String token = browser.csrfToken("/admin/groups/new");

        HttpResponse<String> refused = browser.postForm("/admin/groups/new",
                "internalName=9bad&label=Bad&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Nothing was changed").contains("internalName");
        assertThat(Api.at(port).get("/api/v1/security-groups/9bad").status()).isEqualTo(404);
    }

    private Browser signIn(String name, String password) throws Exception {
        Browser browser = new Browser();
        String token = browser.csrfToken("/login");
        HttpResponse<String> response = browser.postForm("/login", "username=" + name + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String json, String csrfToken) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrfToken != null) {
                request.header("X-CSRF-TOKEN", csrfToken);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrfToken(String page) throws Exception {
            Matcher matcher = CSRF.matcher(get(page).body());
            assertThat(matcher.find()).as("CSRF token on " + page).isTrue();
            return matcher.group(1);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
