package io.imsconnect.server.provider;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The identity provider did not answer, answered late, or answered something unusable. */
public final class IdentityProviderException extends OAuth2AuthenticationException {

    public static final String ERROR_CODE = "identity_provider_unavailable";
    /** The provider's answers disagree about who signed in: not an outage, a refusal. */
    public static final String MISMATCH = "identity_mismatch";

    public IdentityProviderException(String what, Throwable cause) {
        this(ERROR_CODE, what, cause);
    }

    private IdentityProviderException(String code, String what, Throwable cause) {
        super(new OAuth2Error(code, what, null), what, cause);
    }

    /** The provider's discovery document names endpoints sign-in must not use. */
    public static final String INVALID_METADATA = "invalid_provider_metadata";

    public static IdentityProviderException invalidMetadata(String what) {
        return new IdentityProviderException(INVALID_METADATA, what, null);
    }

    /**
     * Ours, not the provider's: too many calls to its host are already waiting (the bulkhead of
     * {@link ProviderClient}), so this one was not sent.
     */
    public static final String BUSY = "identity_provider_busy";

    public static IdentityProviderException busy(String host) {
        return new IdentityProviderException(BUSY, "Too many sign-ins are waiting on the identity provider " + host
                + " already", null);
    }

    public boolean isBusy() {
        return BUSY.equals(getError().getErrorCode());
    }

    public static IdentityProviderException mismatch(String what) {
        return new IdentityProviderException(MISMATCH, what, null);
    }

    public boolean isUnavailable() {
        return ERROR_CODE.equals(getError().getErrorCode());
    }
}
