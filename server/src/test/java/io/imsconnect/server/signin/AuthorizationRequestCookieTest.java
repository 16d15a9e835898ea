package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;

import io.imsconnect.server.account.SealedValues;

/**
 * The authorization request in its sealed cookie (docs/decisions/0025): read back only with the same state, within
 * its lifetime, unaltered and sealed with the cluster's key; sent to the callback path only, HttpOnly, SameSite=Lax.
 */
class AuthorizationRequestCookieTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SealedValues sealed = new SealedValues(randomKey());
    private final AuthorizationRequestCookie cookies = at(sealed, NOW);
    private final OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri("https://ims-na1.adobelogin.com/ims/authorize/v2").clientId("client")
            .redirectUri("https://campaign.example/login/oauth2/code/Adobe_Marketing_Cloud")
            .scopes(java.util.Set.of("openid", "AdobeID")).state("the-state")
            .additionalParameters(Map.of(OidcParameterNames.NONCE, "nonce-hash",
                    PkceParameterNames.CODE_CHALLENGE, "challenge", PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
            .attributes(Map.of(OAuth2ParameterNames.REGISTRATION_ID, "Adobe_Marketing_Cloud",
                    OidcParameterNames.NONCE, "the-nonce", PkceParameterNames.CODE_VERIFIER, "the-verifier"))
            .build();

    @Test
    void callbackWhenSameStateThenTheRequestComesBackWholeAndTheCookieIsCleared() {
        Cookie cookie = savedCookie();
        MockHttpServletResponse response = new MockHttpServletResponse();

        OAuth2AuthorizationRequest back = cookies.removeAuthorizationRequest(callback("the-state", cookie), response);

        assertThat(back.getState()).isEqualTo("the-state");
        assertThat(back.getAttributes()).isEqualTo(request.getAttributes());
        assertThat(back.getAdditionalParameters()).isEqualTo(request.getAdditionalParameters());
        assertThat(back.getRedirectUri()).isEqualTo(request.getRedirectUri());
        assertThat(response.getHeader("Set-Cookie")).startsWith(AuthorizationRequestCookie.COOKIE + "=;")
                .contains("Max-Age=0");
    }

    @Test
    void saveThenTheCookieIsSealedHttpOnlyLaxForTheCallbackPathOnlyAndFitsABrowser() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        cookies.saveAuthorizationRequest(request, new MockHttpServletRequest("GET", "/oauth2/authorization/x"),
                response);

        String header = response.getHeader("Set-Cookie");
        assertThat(header).contains("Path=/login/oauth2/code/", "Max-Age=600", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure").doesNotContain("the-verifier").doesNotContain("the-nonce");
        assertThat(header.length()).isLessThan(4000);
        MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/oauth2/authorization/x");
        secure.setSecure(true);
        MockHttpServletResponse overHttps = new MockHttpServletResponse();
        cookies.saveAuthorizationRequest(request, secure, overHttps);
        assertThat(overHttps.getHeader("Set-Cookie")).contains("Secure");
    }

    @Test
    void callbackWhenStateDiffersOrIsMissingThenNoRequestAndTheCookieStays() {
        Cookie cookie = savedCookie();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(cookies.removeAuthorizationRequest(callback("forged", cookie), response)).isNull();
        assertThat(cookies.loadAuthorizationRequest(callback(null, cookie))).isNull();
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void callbackWhenTheCookieIsAlteredOrFromAnotherKeyThenNoRequest() {
        Cookie cookie = savedCookie();
        String value = cookie.getValue();
        char last = value.charAt(value.length() / 2);
        String altered = value.substring(0, value.length() / 2) + (last == 'A' ? 'B' : 'A')
                + value.substring(value.length() / 2 + 1);

        assertThat(cookies.loadAuthorizationRequest(callback("the-state", new Cookie(cookie.getName(), altered))))
                .isNull();
        assertThat(cookies.loadAuthorizationRequest(callback("the-state", new Cookie(cookie.getName(), "x"))))
                .isNull();
        assertThat(at(new SealedValues(randomKey()), NOW).loadAuthorizationRequest(callback("the-state", cookie)))
                .isNull();
    }

    @Test
    void callbackWhenTheCookieOutlivedItsLifetimeThenNoRequestWhateverTheBrowserKept() {
        Cookie cookie = savedCookie();

        assertThat(at(sealed, NOW.plus(LIFETIME).minusSeconds(1)).loadAuthorizationRequest(callback("the-state",
                cookie))).isNotNull();
        assertThat(at(sealed, NOW.plus(LIFETIME)).loadAuthorizationRequest(callback("the-state", cookie))).isNull();
    }

    private Cookie savedCookie() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.saveAuthorizationRequest(request, new MockHttpServletRequest("GET", "/oauth2/authorization/x"),
                response);
        String header = response.getHeader("Set-Cookie");
        return new Cookie(AuthorizationRequestCookie.COOKIE,
                header.substring(AuthorizationRequestCookie.COOKIE.length() + 1, header.indexOf(';')));
    }

    private static MockHttpServletRequest callback(String state, Cookie cookie) {
        MockHttpServletRequest callback = new MockHttpServletRequest("GET",
                "/login/oauth2/code/Adobe_Marketing_Cloud");
        if (state != null) {
            callback.setParameter(OAuth2ParameterNames.STATE, state);
        }
        callback.setParameter(OAuth2ParameterNames.CODE, "code");
        callback.setCookies(cookie);
        return callback;
    }

    private static AuthorizationRequestCookie at(SealedValues sealed, Instant now) {
        return new AuthorizationRequestCookie(sealed, LIFETIME, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SecretKeySpec randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }
}
