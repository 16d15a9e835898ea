package io.imsconnect.sandbox.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's live data: users in plain maps and, per organization, the ordered list of member IDs that UMAPI
 * pages are sliced from. Memberships can change at run time (admin endpoint); everything else is fixed at start.
 */
public final class Directory {

    private final Map<String, Organization> organizations = new LinkedHashMap<>();

    private final Map<String, SandboxUser> usersById = new ConcurrentHashMap<>();

    private final Map<String, String> idsByEmail = new ConcurrentHashMap<>();

    /** Copy-on-write per organization, so a page being read never sees a list change under it. */
    private final Map<String, List<String>> membersByOrg = new ConcurrentHashMap<>();

    private final Map<String, OAuthClient> clients = new LinkedHashMap<>();

    public Directory(SandboxData data) {
        data.organizations().forEach(o -> organizations.put(o.id(), o));
        data.clients().forEach(c -> clients.put(c.clientId(), c));
        Map<String, List<String>> members = new LinkedHashMap<>();
        organizations.keySet().forEach(id -> members.put(id, new ArrayList<>()));
        for (SandboxUser user : data.users()) {
            usersById.put(user.id(), user);
            idsByEmail.put(user.email().toLowerCase(), user.id());
            user.memberships().keySet().forEach(orgId -> members.get(orgId).add(user.id()));
        }
        members.forEach((orgId, ids) -> membersByOrg.put(orgId, List.copyOf(ids)));
    }

    public Collection<Organization> organizations() {
        return organizations.values();
    }

    public Optional<Organization> organization(String orgId) {
        return Optional.ofNullable(organizations.get(orgId));
    }

    public Optional<SandboxUser> user(String userId) {
        return Optional.ofNullable(usersById.get(userId));
    }

    public Optional<SandboxUser> userByEmail(String email) {
        return Optional.ofNullable(idsByEmail.get(email.toLowerCase())).map(usersById::get);
    }

    public Collection<OAuthClient> clients() {
        return clients.values();
    }

    /** The technical account behind a client-credentials client, if it is a technical one. */
    public Optional<SandboxUser> technicalAccount(String clientId) {
        return client(clientId).map(OAuthClient::technicalAccount);
    }

    public Optional<OAuthClient> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    /** The organization's members, in a stable order. */
    public List<SandboxUser> members(String orgId) {
        return users(memberIds(orgId));
    }

    /**
     * The IDs of the organization's members, in the stable order of {@link #members}: a snapshot that a later change
     * does not alter, so that a UMAPI page looks up its own users only, not the whole organization's.
     */
    public List<String> memberIds(String orgId) {
        return membersByOrg.getOrDefault(orgId, List.of());
    }

    /** The users of these IDs, in their order. */
    public List<SandboxUser> users(List<String> ids) {
        List<SandboxUser> result = new ArrayList<>(ids.size());
        ids.forEach(id -> result.add(usersById.get(id)));
        return result;
    }

    /** Product profiles the user holds in the org: direct ones, plus (unless directOnly) those of its user groups. */
    public Set<String> profiles(SandboxUser user, String orgId, boolean directOnly) {
        Membership membership = user.membership(orgId);
        Set<String> result = new LinkedHashSet<>(membership.profiles());
        if (!directOnly) {
            Organization org = organizations.get(orgId);
            for (String groupName : membership.groups()) {
                UserGroup group = org.userGroup(groupName);
                if (group != null) {
                    result.addAll(group.profiles());
                }
            }
        }
        return result;
    }

    /**
     * Replaces the user's membership in the org; {@code null} removes the user from the org.
     *
     * @throws NoSuchElementException for an unknown user or org
     * @throws IllegalArgumentException for an unknown profile or user group
     */
    public synchronized SandboxUser changeMembership(String userId, String orgId, Membership membership) {
        SandboxUser user = user(userId).orElseThrow(() -> new NoSuchElementException("unknown user"));
        Organization org = organization(orgId).orElseThrow(() -> new NoSuchElementException("unknown organization"));
        if (membership != null) {
            membership.profiles().stream().filter(p -> !org.hasProfile(p)).findFirst().ifPresent(p -> {
                throw new IllegalArgumentException("unknown profile: " + p);
            });
            membership.groups().stream().filter(g -> !org.hasUserGroup(g)).findFirst().ifPresent(g -> {
                throw new IllegalArgumentException("unknown user group: " + g);
            });
        }
        SandboxUser changed = user.withMembership(orgId, membership);
        usersById.put(userId, changed);
        boolean wasMember = user.memberships().containsKey(orgId);
        boolean isMember = membership != null;
        if (wasMember != isMember) {
            List<String> ids = new ArrayList<>(membersByOrg.get(orgId));
            if (isMember) {
                ids.add(userId);
            }
            else {
                ids.remove(userId);
            }
            membersByOrg.put(orgId, List.copyOf(ids));
        }
        return changed;
    }

    /**
     * Renames the user (the ID token's and profile's {@code name}, {@code given_name}, {@code family_name}).
     *
     * @throws NoSuchElementException for an unknown user
     */
    public synchronized SandboxUser rename(String userId, String firstName, String lastName) {
        SandboxUser user = user(userId).orElseThrow(() -> new NoSuchElementException("unknown user"));
        SandboxUser renamed = new SandboxUser(user.id(), user.email(), firstName, lastName, user.type(),
                user.country(), user.password(), user.memberships());
        usersById.put(userId, renamed);
        return renamed;
    }
}
