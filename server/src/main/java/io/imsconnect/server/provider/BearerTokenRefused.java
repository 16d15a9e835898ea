package io.imsconnect.server.provider;

/**
 * An API bearer token that does not identify anyone: malformed, expired, revoked, issued for a client the
 * account does not allow, or not checkable because the provider did not answer. The message says why in
 * words an administrator can act on, never the token; {@link #reason()} is the stable code it is counted by.
 */
public final class BearerTokenRefused extends RuntimeException {

    /** Why, as a code that does not depend on the token, so refusals can be counted and rate-limited. */
    public enum Reason {
        /** Not a token any enabled account takes: not a JWT, or no account allows its client or issuer. */
        NOT_ACCEPTED,
        /** A well-formed token of an account whose allowed API clients do not include the token's client. */
        CLIENT_NOT_ALLOWED,
        /** Not an access token (an ID or refresh token, say). */
        WRONG_TYPE,
        EXPIRED,
        /** The provider says it is not valid (revoked, forged), or its signature, issuer or audience is wrong. */
        INVALID,
        /** The provider did not answer, or not in time, so the token could not be checked. */
        PROVIDER_UNAVAILABLE
    }

    private final Reason reason;

    public BearerTokenRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
