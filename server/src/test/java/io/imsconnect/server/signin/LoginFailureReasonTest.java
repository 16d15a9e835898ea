package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import io.imsconnect.server.provider.IdentityProviderException;

/** The reason a failed sign-in records and shows: words an administrator can act on, never the token. */
class LoginFailureReasonTest {

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "authorization_request_not_found|x|state missing, altered or already used",
        "client_registration_not_found|x|No enabled external account matches this sign-in",
        "invalid_nonce|x|nonce mismatch",
        "invalid_id_token|An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found|its signature matches no key",
        "invalid_id_token|The ID Token contains invalid claims: {iss=https://evil.example}|another issuer",
        "invalid_id_token|The ID Token contains invalid claims: {aud=[other]}|another client (audience)",
        "invalid_id_token|Jwt expired at 2026-01-01T00:00:00Z|it has expired",
        "invalid_grant|x|refused the authorization code",
        "invalid_client|x|check imsClientId and imsClientSecret",
        "unauthorized_client|x|check imsClientId and imsClientSecret",
        "access_denied|x|You declined",
        "server_error|x|could not complete the sign-in",
        "something_new|x|answered with the error 'something_new'" })
    void reasonWhenProtocolErrorThenWordsAndTheCode(String code, String description, String words) {
        String reason = LoginFailureHandler.reason(error(code, description));

        assertThat(reason).contains(words).endsWith("[" + code + "]");
    }

    @Test
    void reasonWhenIdTokenRefusedThenItsClaimsAreNotEchoed() {
        String reason = LoginFailureHandler.reason(error("invalid_id_token",
                "The ID Token contains invalid claims: {iss=https://evil.example/secret-path}"));

        assertThat(reason).doesNotContain("evil.example");
    }

    @Test
    void reasonWhenProviderUnreachableThenTryAgainAndLocalSignInStillWorks() {
        String reason = LoginFailureHandler.reason(new IdentityProviderException(
                "The identity provider's profile could not be read", new ConnectException("refused")));

        assertThat(reason).contains("did not answer, or not in time").contains("connection refused")
                .contains("Local sign-in keeps working");
    }

    @Test
    void reasonWhenNotAProtocolErrorThenStartAgain() {
        assertThat(LoginFailureHandler.reason(new BadCredentialsException("x")))
                .isEqualTo("The sign-in failed. Start again from the sign-in page.");
    }
}
