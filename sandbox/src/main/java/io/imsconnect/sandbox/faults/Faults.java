package io.imsconnect.sandbox.faults;

/**
 * The faults the sandbox answers with on demand, all off by default. The same names serve as JSON fields of
 * {@code PUT /sandbox/faults} and, in kebab case, as properties {@code sandbox.faults.*}.
 *
 * @param down every IMS and UMAPI endpoint answers 503
 * @param umapiStatus when not 0, every UMAPI call answers this status (429 comes with {@code Retry-After})
 * @param umapiRetryAfterSeconds the {@code Retry-After} of a 429 (at least 1)
 * @param umapiDelayMillis UMAPI answers this much later
 * @param umapiFromPage {@code umapiStatus} applies to pages numbered this or more only (0: every call), so a read
 *     can fail midway
 * @param tokenDelayMillis the token endpoint answers this much later
 * @param profileDelayMillis the profile, organizations and userinfo endpoints answer this much later
 * @param unpublishSigningKey the current signing key is left out of {@code /ims/keys} (tokens are still signed with it)
 * @param signWithUnknownKey ID tokens are signed with a key never published
 * @param expiredIdToken ID tokens are issued already expired
 * @param idTokenAlgNone ID tokens are unsigned ({@code alg: none})
 * @param wrongAudience ID tokens carry an {@code aud} that is not the client ID
 * @param wrongIssuer ID tokens carry an {@code iss} that is not the sandbox's
 * @param wrongNonce ID tokens carry a {@code nonce} that is not the one asked for
 * @param noNonce ID tokens carry no {@code nonce} at all
 */
public record Faults(boolean down, int umapiStatus, int umapiRetryAfterSeconds, long umapiDelayMillis,
        int umapiFromPage, long tokenDelayMillis, long profileDelayMillis, boolean unpublishSigningKey, boolean signWithUnknownKey,
        boolean expiredIdToken, boolean idTokenAlgNone, boolean wrongAudience, boolean wrongIssuer,
        boolean wrongNonce, boolean noNonce) {

    public static final Faults NONE = new Faults(false, 0, 0, 0, 0, 0, 0, false, false, false, false, false, false,
            false, false);

    public Faults {
        if (umapiStatus != 0 && (umapiStatus < 400 || umapiStatus > 599)) {
            throw new IllegalArgumentException("umapiStatus must be 0 or an HTTP error status");
        }
        umapiRetryAfterSeconds = Math.max(1, umapiRetryAfterSeconds);
        if (umapiFromPage < 0) {
            throw new IllegalArgumentException("umapiFromPage cannot be negative");
        }
        if (umapiDelayMillis < 0 || tokenDelayMillis < 0 || profileDelayMillis < 0) {
            throw new IllegalArgumentException("delays cannot be negative");
        }
    }
}
