package io.imsconnect.server.login;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The identity provider did not answer, answered late, or answered something unusable. */
final class IdentityProviderException extends OAuth2AuthenticationException {

    static final String ERROR_CODE = "identity_provider_unavailable";

    IdentityProviderException(String what, Throwable cause) {
        super(new OAuth2Error(ERROR_CODE, what, null), what, cause);
    }
}
