package io.imsconnect.sandbox.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills one organization with many users and product profiles for benchmarks.
 * Deterministic: the same arguments always give the same data.
 */
public final class DataGenerator {

    public static final String DEFAULT_ORG_ID = "B3C4D5E6F7A8B9C0D1E2F3A4@AdobeOrg";

    public static final String DEFAULT_PROFILE_PREFIX = "Campaign - bench - group";

    public static final String DEFAULT_EMAIL_DOMAIN = "bench.example";

    public static final String PASSWORD = "password";

    private DataGenerator() {
    }

    /** {@link #generate(String, int, int, String, String)} with e-mails at {@value #DEFAULT_EMAIL_DOMAIN}. */
    public static SandboxData generate(String orgId, int users, int profiles, String profilePrefix) {
        return generate(orgId, users, profiles, profilePrefix, DEFAULT_EMAIL_DOMAIN);
    }

    /**
     * @param orgId the generated organization's ID
     * @param users how many users; user {@code i} signs in as {@code user<i>@<emailDomain>} with {@value #PASSWORD}
     * @param profiles how many product profiles, named {@code <profilePrefix><j>}
     * @param profilePrefix the start of every profile name
     * @param emailDomain the domain of every user's e-mail
     * @return one organization, its users (each holding one or two profiles), no clients
     */
    public static SandboxData generate(String orgId, int users, int profiles, String profilePrefix,
            String emailDomain) {
        if (users < 0 || profiles < 1) {
            throw new IllegalArgumentException("need users >= 0 and profiles >= 1");
        }
        List<ProductProfile> profileList = new ArrayList<>(profiles);
        List<String> names = new ArrayList<>(profiles);
        for (int j = 0; j < profiles; j++) {
            String name = profilePrefix + j;
            names.add(name);
            profileList.add(new ProductProfile(name, null));
        }
        Organization org = new Organization(orgId, "Bench", "bench", profileList, List.of());
        List<SandboxUser> userList = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            // every third user holds a second profile, so that memberships differ in size
            List<String> held = i % 3 == 0 && profiles > 1
                    ? List.of(names.get(i % profiles), names.get((i + 1) % profiles))
                    : List.of(names.get(i % profiles));
            userList.add(new SandboxUser(String.format("%024X@AdobeID", 0xB000000000L + i), "user" + i + "@" + emailDomain,
                    "User", String.valueOf(i), "federatedID", "US", PASSWORD,
                    Map.of(orgId, new Membership(held, List.of()))));
        }
        return new SandboxData(List.of(org), userList, List.of());
    }
}
