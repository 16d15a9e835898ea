package io.imsconnect.sandbox.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the sandbox IMS.
 *
 * @param id the IMS user ID, e.g. {@code 4F1A2B3C4D5E6F7A8B9C0D1E@AdobeID}; the {@code sub} of its tokens
 * @param email the e-mail address, also the sign-in name
 * @param firstName given name
 * @param lastName family name
 * @param type {@code adobeID}, {@code enterpriseID} or {@code federatedID}
 * @param country ISO country code
 * @param password the sandbox sign-in password (demo data only)
 * @param memberships per organization ID, in declaration order
 */
public record SandboxUser(String id, String email, String firstName, String lastName, String type, String country,
        String password, Map<String, Membership> memberships) {

    /** {@code technicalAccount}: a Developer Console technical account, which has no password. */
    private static final Set<String> TYPES = Set.of("adobeID", "enterpriseID", "federatedID", "technicalAccount");

    public SandboxUser {
        Objects.requireNonNull(id, "user id cannot be null");
        Objects.requireNonNull(email, "email cannot be null for user " + id);
        type = type == null ? "enterpriseID" : type;
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("user type must be one of " + TYPES + ": " + type);
        }
        country = country == null ? "US" : country;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        memberships = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(memberships));
    }

    public String displayName() {
        return (firstName + " " + lastName).trim();
    }

    /** IMS {@code account_type}: {@code ind} for personal Adobe IDs, {@code ent} for enterprise and federated. */
    public String accountType() {
        return "adobeID".equals(type) ? "ind" : "ent";
    }

    public String domain() {
        return email.substring(email.indexOf('@') + 1);
    }

    public Membership membership(String orgId) {
        return memberships.getOrDefault(orgId, Membership.NONE);
    }

    public SandboxUser withMembership(String orgId, Membership membership) {
        Map<String, Membership> changed = new LinkedHashMap<>(memberships);
        if (membership == null) {
            changed.remove(orgId);
        }
        else {
            changed.put(orgId, membership);
        }
        return new SandboxUser(id, email, firstName, lastName, type, country, password, changed);
    }
}
