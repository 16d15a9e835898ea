package io.imsconnect.sandbox.data;

import java.util.List;
import java.util.Set;

/**
 * What a user holds in one organization.
 *
 * @param profiles product profiles given directly
 * @param groups user groups, whose profiles the user inherits
 * @param status the user's status as the Admin Console API lists it: {@code active}, {@code disabled},
 *     {@code locked} or {@code removed} (only UMAPI answers show it; the sandbox's sign-in does not look at it)
 */
public record Membership(List<String> profiles, List<String> groups, String status) {

    public static final String ACTIVE = "active";
    public static final Set<String> STATUSES = Set.of(ACTIVE, "disabled", "locked", "removed");
    public static final Membership NONE = new Membership(List.of(), List.of());

    public Membership {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        groups = groups == null ? List.of() : List.copyOf(groups);
        status = status == null ? ACTIVE : status;
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown status: " + status + "; use one of " + STATUSES);
        }
    }

    /** An active membership. */
    public Membership(List<String> profiles, List<String> groups) {
        this(profiles, groups, ACTIVE);
    }

    public Membership withProfiles(List<String> newProfiles) {
        return new Membership(newProfiles, groups, status);
    }

    public Membership withGroups(List<String> newGroups) {
        return new Membership(profiles, newGroups, status);
    }

    public Membership withStatus(String newStatus) {
        return new Membership(profiles, groups, newStatus);
    }
}
