package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;

/**
 * Session fixation: an attacker who plants a session cookie of its own in a victim's browser before the victim
 * signs in (with a password, through Adobe IMS or an OpenID Connect provider) holds a session that is still
 * anonymous afterwards; the victim's is a new one. Signing out ends the session for whoever holds its cookie.
 * docs/security/hostile-inputs.md.
 */
@HostileSignInTest
class SessionFixationTest {

    private static final String COOKIE = "IMSCONNECT_SESSION";
    private static final HttpClient BARE = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    Accounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(Api.at(port), port);
    }

    @Test
    void passwordSignInWhenTheAttackerPlantedItsSessionThenTheAttackersSessionStaysAnonymous() throws Exception {
        String planted = attackersSession();
        SignInFlow victim = new SignInFlow(port);
        victim.plantCookie(COOKIE, planted);

        SignInFlow.Step signedIn = victim.postLogin(Api.ADMIN, Api.ADMIN_PASSWORD);

        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(withCookie(planted, "/admin/groups").statusCode()).isEqualTo(302);
        assertThat(victim.cookie(COOKIE)).isNotEqualTo(planted);
        assertThat(victim.get("/admin/groups").response().statusCode()).isEqualTo(200);
    }

    @Test
    void imsSignInWhenTheAttackerPlantedItsSessionThenTheAttackersSessionStaysAnonymous() throws Exception {
        assertFixationRefused(accounts.adobeIms(Accounts.ACME_MASK, null));
    }

    @Test
    void oidcSignInWhenTheAttackerPlantedItsSessionThenTheAttackersSessionStaysAnonymous() throws Exception {
        assertFixationRefused(accounts.oidc(Accounts.ACME_MASK));
    }

    @Test
    void signOutThenTheOldCookieNoLongerSignsAnyoneIn() throws Exception {
        SignInFlow admin = new SignInFlow(port);
        admin.postLogin(Api.ADMIN, Api.ADMIN_PASSWORD);
        String session = admin.cookie(COOKIE);
        assertThat(withCookie(session, "/admin/groups").statusCode()).isEqualTo(200);

        admin.postForm("/logout", "/");

        assertThat(withCookie(session, "/admin/groups").statusCode()).isEqualTo(302);
    }

    @Test
    void sessionCookieWhenSetThenHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = BARE.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(COOKIE + "="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
    }

    private void assertFixationRefused(String account) throws Exception {
        String planted = attackersSession();
        SignInFlow victim = new SignInFlow(port);
        victim.plantCookie(COOKIE, planted);

        SignInFlow.Step home = victim.signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(withCookie(planted, "/").statusCode()).isEqualTo(302);
        assertThat(victim.cookie(COOKIE)).isNotEqualTo(planted);
        assertThat(withCookie(victim.cookie(COOKIE), "/").statusCode()).isEqualTo(200);
    }

    /** A session the attacker got from the sign-in page, as anyone can. */
    private String attackersSession() throws Exception {
        HttpResponse<String> login = BARE.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .findFirst().orElseThrow();
        return setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
    }

    private HttpResponse<String> withCookie(String session, String path) throws Exception {
        return BARE.send(HttpRequest.newBuilder(uri(path)).header("Cookie", COOKIE + "=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
