package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;

/**
 * Open redirects: no redirect the instance sends, or has a provider send, takes its host from the request. The
 * {@code redirect_uri} of a sign-in start and the {@code redirect_uri} IMS returns to after sign-out come from the
 * account's {@code callbackServer}, whatever {@code Host} header or parameter the request carries; a return path
 * after sign-in is a path on this instance. Requests are written on a raw socket, so the {@code Host} header is
 * the attacker's. docs/security/hostile-inputs.md.
 */
@HostileSignInTest
class OpenRedirectTest {

    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: (.*)$");

    @LocalServerPort
    int port;

    Accounts accounts;
    String account;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(Api.at(port), port);
        account = accounts.adobeIms(Accounts.ACME_MASK, null);
    }

    @Test
    void signInStartWhenHostHeaderAndRedirectUriForgedThenTheProviderIsGivenTheAccountsCallback() throws IOException {
        String response = raw("GET /oauth2/authorization/" + account + "?redirect_uri=https%3A%2F%2Fevil.example%2Fcb"
                + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");

        String location = location(response);
        assertThat(location).startsWith(Sandbox.get().url());
        assertThat(decoded(location))
                .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/" + account)
                .doesNotContain("evil.example");
    }

    @Test
    void signOutWhenHostHeaderForgedThenTheProviderReturnsToTheAccountsCallbackServer() throws IOException {
        SignInFlow alice = new SignInFlow(port);
        SignInFlow.Step home = alice.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        assertThat(home.uri().getPath()).as(home.body()).isEqualTo("/");
        String token = csrf(alice.get("/").body());
        String body = "_csrf=" + token;

        String response = raw("POST /logout HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "Cookie: IMSCONNECT_SESSION=" + alice.cookie("IMSCONNECT_SESSION") + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        String location = location(response);
        assertThat(location).startsWith(Sandbox.get().url());
        assertThat(decoded(location)).contains("http://localhost:" + port + "/login?logout")
                .doesNotContain("evil.example");
    }

    @Test
    void signInWhenTheRequestNamesAnotherSiteToReturnToThenTheBrowserStaysHere() {
        assertThat(new SignInFlow(port).get("/login?returnTo=%2F%2Fevil.example").body())
                .doesNotContain("evil.example");
        for (String parameter : new String[] { "continue", "redirect", "returnTo", "redirect_uri", "next" }) {
            SignInFlow browser = new SignInFlow(port);
            String planted = browser.get("/admin/groups?" + parameter + "=https%3A%2F%2Fevil.example%2F").location();
            assertThat(planted).as(parameter).isEqualTo("/login");

            String back = browser.postLogin(Api.ADMIN, Api.ADMIN_PASSWORD).location();

            assertThat(back).as(parameter).startsWith("/admin/groups?").doesNotContain("://");
        }
    }

    /**
     * A page asked for with a forged {@code Host} is remembered in the session; a session planted in a victim's
     * browser (see {@link SessionFixationTest}) keeps it through the sign-in, so the redirect after sign-in must not
     * take its host from that request.
     */
    @Test
    void signInWhenThePageAskedForCameWithAForgedHostThenTheRedirectAfterSignInNamesNoHost() throws IOException {
        String asked = raw("GET /admin/groups HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        String session = cookie(asked);
        SignInFlow victim = new SignInFlow(port);
        victim.plantCookie("IMSCONNECT_SESSION", session);

        String back = victim.postLogin(Api.ADMIN, Api.ADMIN_PASSWORD).location();

        assertThat(back).isEqualTo("/admin/groups?continue");
    }

    private static String location(String response) {
        assertThat(response).startsWith("HTTP/1.1 302");
        Matcher matcher = LOCATION.matcher(response);
        assertThat(matcher.find()).as(response).isTrue();
        return matcher.group(1).trim();
    }

    private static String cookie(String response) {
        Matcher matcher = Pattern.compile("(?im)^Set-Cookie: IMSCONNECT_SESSION=([^;]+);").matcher(response);
        assertThat(matcher.find()).as(response).isTrue();
        return matcher.group(1);
    }

    private static String decoded(String location) {
        return URLDecoder.decode(location, StandardCharsets.UTF_8);
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
