package io.imsconnect.sandbox.data;

import java.util.List;

/**
 * What a user holds in one organization.
 *
 * @param profiles product profiles given directly
 * @param groups user groups, whose profiles the user inherits
 */
public record Membership(List<String> profiles, List<String> groups) {

    public static final Membership NONE = new Membership(List.of(), List.of());

    public Membership {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public Membership withProfiles(List<String> newProfiles) {
        return new Membership(newProfiles, groups);
    }

    public Membership withGroups(List<String> newGroups) {
        return new Membership(profiles, newGroups);
    }
}
