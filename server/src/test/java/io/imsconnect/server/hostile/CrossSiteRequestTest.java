package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * Cross-site request forgery: a request riding on an administrator's session cookie, without the page's CSRF
 * token (or with another session's), changes nothing, on every state-changing console route, sign-in and
 * sign-out, and the API. Each case first shows the same request with the token is accepted, so the 403 is the
 * token's doing. docs/security/hostile-inputs.md.
 */
@InstanceTest
class CrossSiteRequestTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void everyStateChangingConsoleRouteWhenNoTokenThenForbidden() throws Exception {
        Browser admin = Browser.signedIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        List<Routes.Route> routes = Routes.of(mappings).all().stream()
                .filter(route -> route.changesState() && !route.path().startsWith("/api/")).toList();
        assertThat(routes).extracting(Routes.Route::path).contains("/admin/groups/new", "/admin/operators/1/disable",
                "/admin/accounts/1/delete", "/admin/directory-sync/1/apply", "/admin/packages/1/install");

        for (Routes.Route route : routes) {
            assertThat(admin.send(route.method(), route.path(), "", null).statusCode()).as(route.toString())
                    .isEqualTo(403);
        }
        assertThat(admin.get("/admin/groups").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void groupFormWhenTokenMissingOrFromAnotherSessionThenNothingCreated() throws Exception {
        Browser admin = Browser.signedIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        Browser attacker = Browser.signedIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String foreignToken = attacker.token("/admin/groups/new");
        String form = "internalName=forged" + ScriptInjectionTest.unique() + "&label=Forged&rights=admin";
        String name = form.substring("internalName=".length(), form.indexOf('&'));

        assertThat(admin.send("POST", "/admin/groups/new", form, null).statusCode()).isEqualTo(403);
        assertThat(admin.send("POST", "/admin/groups/new", form + "&_csrf=" + foreignToken, null).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/security-groups/" + name).status()).isEqualTo(404);
        String own = admin.token("/admin/groups/new");
        assertThat(admin.send("POST", "/admin/groups/new", form + "&_csrf=" + own, null).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/security-groups/" + name).status()).isEqualTo(200);
    }

    @Test
    void apiWhenSessionCookieWithoutTokenThenEveryWriteMethodRefusedAndNothingChanged() throws Exception {
        String group = "csrf" + ScriptInjectionTest.unique();
        api.post("/api/v1/security-groups", "{\"internalName\":\"" + group + "\",\"label\":\"Kept\",\"rights\":[]}");
        Browser admin = Browser.signedIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String update = "{\"label\":\"Changed\",\"rights\":[\"admin\"]}";

        assertThat(admin.send("PUT", "/api/v1/security-groups/" + group, update, "application/json").statusCode())
                .isEqualTo(403);
        assertThat(admin.send("DELETE", "/api/v1/security-groups/" + group, "", null).statusCode()).isEqualTo(403);
        assertThat(admin.send("PUT", "/api/v1/operators/admin/groups", "{\"groups\":[]}", "application/json")
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/security-groups/" + group).json().path("label").asString()).isEqualTo("Kept");
        admin.header("X-CSRF-TOKEN", admin.token("/admin/groups"));
        assertThat(admin.send("PUT", "/api/v1/security-groups/" + group, update, "application/json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void signInFormWhenNoTokenThenForbiddenAndNoSession() throws Exception {
        Browser browser = new Browser(port);

        HttpResponse<String> forged = browser.send("POST", "/login",
                "username=admin&password=" + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8), null);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/groups").statusCode()).isEqualTo(302);
    }

    @Test
    void signOutWhenNoTokenThenTheSessionLives() throws Exception {
        Browser admin = Browser.signedIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        assertThat(admin.send("POST", "/logout", "", null).statusCode()).isEqualTo(403);

        assertThat(admin.get("/admin/groups").statusCode()).isEqualTo(200);
    }

    /** A browser: a cookie jar, redirects not followed, forms posted by hand. */
    static final class Browser {

        private final int port;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String headerName;
        private String headerValue;

        Browser(int port) {
            this.port = port;
        }

        static Browser signedIn(int port, String name, String password) throws Exception {
            Browser browser = new Browser(port);
            HttpResponse<String> signedIn = browser.send("POST", "/login", "username=" + name + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + browser.token("/login"), null);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return browser;
        }

        void header(String name, String value) {
            this.headerName = name;
            this.headerValue = value;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (headerName != null) {
                request.header(headerName, headerValue);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token of {@code page} (URL-safe Base64, so usable as is in a form or a header). */
        String token(String page) throws Exception {
            Matcher matcher = CSRF.matcher(get(page).body());
            assertThat(matcher.find()).as("CSRF token on " + page).isTrue();
            return matcher.group(1);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
