package io.imsconnect.core.mapping;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.imsconnect.core.mapping.ProfileMapping.Status;
import io.imsconnect.core.mask.AssociationMask;

/**
 * What the association mask makes of a user's product profiles, one row a profile: the step of the
 * access decision ({@link io.imsconnect.core.access.AccessDecisions}) that the mask preview shows on
 * its own. Pure; nothing is created here, because security groups are never created by a login.
 */
public final class MappingDecisions {

    private MappingDecisions() {
    }

    /** What the mask makes of each distinct profile name, in input order, without deciding. */
    public static List<ProfileMapping> preview(AssociationMask mask,
            Collection<String> profileNames, Set<String> existingGroups) {
        Objects.requireNonNull(mask, "mask cannot be null");
        Objects.requireNonNull(profileNames, "profileNames cannot be null");
        Objects.requireNonNull(existingGroups, "existingGroups cannot be null");
        return new LinkedHashSet<>(profileNames).stream()
                .map(name -> map(mask, name, existingGroups))
                .toList();
    }

    private static ProfileMapping map(AssociationMask mask, String profileName,
            Set<String> existingGroups) {
        Objects.requireNonNull(profileName, "profileNames cannot contain null");
        if (profileName.length() > AssociationMask.MAX_PROFILE_NAME_LENGTH) {
            return new ProfileMapping(profileName, Status.TOO_LONG, null);
        }
        Optional<String> captured = mask.capture(profileName);
        if (captured.isEmpty()) {
            return mask.matches(profileName)
                    ? new ProfileMapping(profileName, Status.EMPTY_CAPTURE, "")
                    : new ProfileMapping(profileName, Status.NO_MATCH, null);
        }
        String name = captured.get();
        if (name.isEmpty()) {
            return new ProfileMapping(profileName, Status.EMPTY_CAPTURE, "");
        }
        Status status = existingGroups.contains(name) ? Status.MAPPED : Status.UNKNOWN_GROUP;
        return new ProfileMapping(profileName, status, name);
    }
}
