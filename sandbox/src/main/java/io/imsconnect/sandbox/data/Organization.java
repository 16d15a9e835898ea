package io.imsconnect.sandbox.data;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IMS organization with its Admin Console product profiles and user groups.
 *
 * @param id the IMS organization ID: 24 hex digits, then {@code @AdobeOrg}
 * @param name the organization's display name
 * @param tenant the Experience Cloud tenant, reported as {@code tenant_id} in product contexts
 * @param profiles the product profiles
 * @param userGroups the user groups, each granting its product profiles to its members
 */
public record Organization(String id, String name, String tenant, List<ProductProfile> profiles,
        List<UserGroup> userGroups) {

    private static final Pattern ORG_ID = Pattern.compile("[0-9A-Fa-f]{24}@AdobeOrg");

    public Organization {
        Objects.requireNonNull(id, "organization id cannot be null");
        if (!ORG_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("organization id must be 24 hex digits then @AdobeOrg: " + id);
        }
        name = name == null ? id : name;
        tenant = tenant == null ? name.toLowerCase() : tenant;
        profiles = List.copyOf(profiles);
        userGroups = List.copyOf(userGroups);
        for (UserGroup group : userGroups) {
            for (String profile : group.profiles()) {
                if (profiles.stream().noneMatch(p -> p.name().equals(profile))) {
                    throw new IllegalArgumentException(
                            "user group '" + group.name() + "' names unknown profile '" + profile + "' in " + id);
                }
            }
        }
    }

    /** The part of the ID before the {@code @}, as IMS reports it in {@code orgRef.ident}. */
    public String ident() {
        return id.substring(0, id.indexOf('@'));
    }

    public boolean hasProfile(String profileName) {
        return profiles.stream().anyMatch(p -> p.name().equals(profileName));
    }

    public boolean hasUserGroup(String groupName) {
        return userGroups.stream().anyMatch(g -> g.name().equals(groupName));
    }

    public ProductProfile profile(String profileName) {
        return profiles.stream().filter(p -> p.name().equals(profileName)).findFirst().orElse(null);
    }

    public UserGroup userGroup(String groupName) {
        return userGroups.stream().filter(g -> g.name().equals(groupName)).findFirst().orElse(null);
    }
}
