package io.imsconnect.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * The pages anyone may see: the public layout's files reach a browser that is not signed in and may be cached,
 * and error pages say what happened in words, with a way back and nothing internal.
 */
@InstanceTest
class PublicPagesTest {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signInPageWhenAnonymousThenItsStylesheetsLoadAndMayBeCachedAYear() throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher links = STYLESHEET.matcher(login.body());

        int found = 0;
        while (links.find()) {
            HttpResponse<String> css = get(links.group(1));
            assertThat(css.statusCode()).as(links.group(1)).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
            assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
            found++;
        }

        assertThat(found).isEqualTo(2);
        // The instance's own files under /assets/, with the content hash the year's caching relies on.
        assertThat(login.body()).containsPattern("href=\"/assets/css/public-[0-9a-f]{32}\\.css\"");
        assertThat(login.body()).contains("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min")
                .contains("<html lang=\"en\">").contains("<title>Sign in · IMS Connect</title>")
                .doesNotContain("<style").doesNotContain(" style=\"").doesNotContain("<script");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void unknownPageWhenSignedInThenNotFoundInWordsWithAWayBack() throws Exception {
        signInAsAdministrator();

        HttpResponse<String> page = get("/admin/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("data-status=\"404\"").contains("<title>Page not found · IMS Connect</title>")
                .contains("id=\"error-back\"").doesNotContain("nav-groups").doesNotContain("Exception")
                .doesNotContain("no-such-page");
    }

    @Test
    void errorPageWhenShownWithoutAKnownStatusThenGenericWordsWithoutDetailAndAWayToSignIn() throws Exception {
        HttpResponse<String> page = get("/error");

        assertThat(page.body()).contains("<title>Something went wrong · IMS Connect</title>")
                .contains("It is not something you did").contains("id=\"error-sign-in\"")
                .doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void formWhenSentWithoutItsTokenThenNotAllowedInWordsAndAWayToSignIn() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("data-status=\"403\"").contains("id=\"error-sign-in\"")
                .doesNotContain("Exception").doesNotContain("CSRF");
    }

    private void signInAsAdministrator() throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.ADMIN + "&password=" + Api.ADMIN_PASSWORD
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
