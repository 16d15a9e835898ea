package io.imsconnect.server.login;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The identity provider did not answer, answered late, or answered something unusable. */
final class IdentityProviderException extends OAuth2AuthenticationException {

    static final String ERROR_CODE = "identity_provider_unavailable";
    /** The provider's answers disagree about who signed in: not an outage, a refusal. */
    static final String MISMATCH = "identity_mismatch";

    IdentityProviderException(String what, Throwable cause) {
        this(ERROR_CODE, what, cause);
    }

    private IdentityProviderException(String code, String what, Throwable cause) {
        super(new OAuth2Error(code, what, null), what, cause);
    }

    /** The provider's discovery document names endpoints sign-in must not use. */
    static final String INVALID_METADATA = "invalid_provider_metadata";

    static IdentityProviderException invalidMetadata(String what) {
        return new IdentityProviderException(INVALID_METADATA, what, null);
    }

    static IdentityProviderException mismatch(String what) {
        return new IdentityProviderException(MISMATCH, what, null);
    }

    boolean isUnavailable() {
        return ERROR_CODE.equals(getError().getErrorCode());
    }
}
