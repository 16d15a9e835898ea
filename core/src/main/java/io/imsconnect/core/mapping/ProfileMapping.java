package io.imsconnect.core.mapping;

import java.util.Objects;

/**
 * What the association mask made of one product profile: the row shown in login diagnostics and in
 * the mask preview.
 *
 * @param profileName the product-profile name as the identity provider gave it
 * @param status the outcome for this profile
 * @param capturedName the stripped capture group 1; {@code null} when the mask did not apply
 *     ({@link Status#NO_MATCH}, {@link Status#TOO_LONG}), empty for {@link Status#EMPTY_CAPTURE}
 */
public record ProfileMapping(String profileName, Status status, String capturedName) {

    public enum Status {
        /** The captured name is the internal name of an existing security group. */
        MAPPED,
        /** The profile name does not match the mask as a whole. */
        NO_MATCH,
        /** The name matches but capture group 1 is empty, blank or took no part in the match. */
        EMPTY_CAPTURE,
        /** The captured name is not the internal name of any security group. */
        UNKNOWN_GROUP,
        /** The profile name is longer than the mask accepts, so it is never matched. */
        TOO_LONG
    }

    public ProfileMapping {
        Objects.requireNonNull(profileName, "profileName cannot be null");
        Objects.requireNonNull(status, "status cannot be null");
        switch (status) {
            case NO_MATCH, TOO_LONG -> require(capturedName == null, status, "no captured name");
            case EMPTY_CAPTURE -> require("".equals(capturedName), status, "an empty captured name");
            case MAPPED, UNKNOWN_GROUP -> require(capturedName != null && !capturedName.isBlank(),
                    status, "a non-blank captured name");
        }
    }

    private static void require(boolean condition, Status status, String what) {
        if (!condition) {
            throw new IllegalArgumentException(status + " requires " + what);
        }
    }

    public boolean mapped() {
        return status == Status.MAPPED;
    }
}
