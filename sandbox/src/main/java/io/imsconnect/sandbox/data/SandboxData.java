package io.imsconnect.sandbox.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the sandbox serves: organizations, users and OAuth clients, as read from the YAML file and the generator.
 */
public record SandboxData(List<Organization> organizations, List<SandboxUser> users, List<OAuthClient> clients) {

    public SandboxData {
        organizations = List.copyOf(organizations);
        users = List.copyOf(users);
        clients = List.copyOf(clients);
        Map<String, Organization> orgs = organizations.stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        requireUnique(users.stream().map(SandboxUser::id).toList(), "user id");
        requireUnique(users.stream().map(u -> u.email().toLowerCase()).toList(), "user email");
        requireUnique(clients.stream().map(OAuthClient::clientId).toList(), "clientId");
        List<SandboxUser> holders = new ArrayList<>(users);
        clients.stream().map(OAuthClient::technicalAccount).filter(java.util.Objects::nonNull).forEach(holders::add);
        for (SandboxUser user : holders) {
            user.memberships().forEach((orgId, membership) -> {
                Organization org = orgs.get(orgId);
                if (org == null) {
                    throw new IllegalArgumentException("user " + user.email() + " names unknown organization " + orgId);
                }
                membership.profiles().stream().filter(p -> !org.hasProfile(p)).findFirst().ifPresent(p -> {
                    throw new IllegalArgumentException("user " + user.email() + " names unknown profile '" + p + "'");
                });
                membership.groups().stream().filter(g -> !org.hasUserGroup(g)).findFirst().ifPresent(g -> {
                    throw new IllegalArgumentException("user " + user.email() + " names unknown user group '" + g + "'");
                });
            });
        }
    }

    /** This data with {@code more} appended (used to add generated benchmark data to the demo data). */
    public SandboxData plus(SandboxData more) {
        List<Organization> o = new ArrayList<>(organizations);
        o.addAll(more.organizations);
        List<SandboxUser> u = new ArrayList<>(users);
        u.addAll(more.users);
        List<OAuthClient> c = new ArrayList<>(clients);
        c.addAll(more.clients);
        return new SandboxData(o, u, c);
    }

    private static void requireUnique(List<String> values, String what) {
        Set<String> seen = new HashSet<>(values.size() * 2);
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException("duplicate " + what + ": " + value);
            }
        }
    }
}
