package io.imsconnect.sandbox.admin;

import io.imsconnect.sandbox.faults.Faults;

/**
 * The body of {@code PUT /sandbox/faults}: any subset of the switches; those left out are off. (Boxed, because
 * Jackson 3 refuses a missing value for a primitive.)
 */
record FaultsRequest(Boolean down, Integer umapiStatus, Integer umapiRetryAfterSeconds, Long umapiDelayMillis,
        Integer umapiFromPage, Long tokenDelayMillis, Long profileDelayMillis, Boolean unpublishSigningKey,
        Boolean signWithUnknownKey, Boolean expiredIdToken, Boolean idTokenAlgNone, Boolean wrongAudience, Boolean wrongIssuer,
        Boolean wrongNonce, Boolean noNonce) {

    Faults toFaults() {
        return new Faults(on(down), number(umapiStatus), number(umapiRetryAfterSeconds), number(umapiDelayMillis),
                number(umapiFromPage), number(tokenDelayMillis), number(profileDelayMillis), on(unpublishSigningKey),
                on(signWithUnknownKey), on(expiredIdToken), on(idTokenAlgNone), on(wrongAudience), on(wrongIssuer),
                on(wrongNonce), on(noNonce));
    }

    private static boolean on(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    private static long number(Long value) {
        return value == null ? 0 : value;
    }
}
