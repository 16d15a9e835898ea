package io.imsconnect.core.mapping;

import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mapping.ProfileMapping.Status;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a user's product profiles into security groups through the association mask. Pure: the
 * caller supplies the organization check and the existing groups; nothing is created here,
 * because security groups are never created by a login.
 */
public final class MappingDecisions {

    /** Campaign's own words for a user whose profiles map to no existing group. */
    public static final String NO_MATCHING_RIGHT_MESSAGE =
            "Login does not have any right matching the expression";

    private MappingDecisions() {
    }

    /**
     * Decides a login. The whole set of wanted groups is computed once here, so callers diff it
     * against the current memberships once instead of adding and removing profile by profile.
     *
     * @param profileNames the user's product-profile names, in the identity provider's order;
     *     a name given twice is mapped once
     * @param existingGroups internal names of the existing security groups, matched exactly
     */
    public static MappingDecision decide(AssociationMask mask, OrgCheck org,
            Collection<String> profileNames, Set<String> existingGroups) {
        Objects.requireNonNull(org, "org cannot be null");
        List<ProfileMapping> perProfile = preview(mask, profileNames, existingGroups);
        if (org == OrgCheck.NOT_MEMBER) {
            return new MappingDecision(
                    MappingDecision.Outcome.REFUSED_NOT_IN_ORGANIZATION, Set.of(), perProfile);
        }
        Set<String> groups = new TreeSet<>();
        for (ProfileMapping mapping : perProfile) {
            if (mapping.mapped()) {
                groups.add(mapping.capturedName());
            }
        }
        MappingDecision.Outcome outcome = groups.isEmpty()
                ? MappingDecision.Outcome.REFUSED_NO_MATCHING_GROUP
                : MappingDecision.Outcome.ALLOWED;
        return new MappingDecision(outcome, groups, perProfile);
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
