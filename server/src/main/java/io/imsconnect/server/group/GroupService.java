package io.imsconnect.server.group;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.membership.MembershipChange;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.Names;
import io.imsconnect.server.errors.NotFoundException;
import io.imsconnect.server.errors.Violations;
import io.imsconnect.server.session.LiveSessions;

/** Security groups, their rights, and operators' memberships of them. */
@Service
public class GroupService {

    private static final String TARGET = "securityGroup";

    /** Far more than the known rights, so a list this long is a mistake or an attack, refused before it is read. */
    static final int MAX_RIGHTS = 100;

    private final GroupRepository groups;
    private final AuditService audit;
    private final LiveSessions sessions;
    private final Clock clock;

    GroupService(GroupRepository groups, AuditService audit, LiveSessions sessions, Clock clock) {
        this.groups = groups;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SecurityGroup> list() {
        return groups.findAll();
    }

    @Transactional(readOnly = true)
    public SecurityGroup get(String internalName) {
        return groups.find(internalName).orElseThrow(() -> new NotFoundException("security group", internalName));
    }

    @Transactional(readOnly = true)
    public Set<String> names() {
        return groups.names();
    }

    @Transactional
    public SecurityGroup create(GroupRequest request) {
        Violations violations = new Violations();
        Names.checkInternalName(violations, "internalName", request.internalName());
        Names.checkLabel(violations, "label", request.label());
        Set<String> rights = checkRights(violations, request.rights());
        violations.throwIfAny();
        if (groups.idOf(request.internalName()).isPresent()) {
            throw duplicate(request.internalName());
        }
        try {
            long id = groups.insert(request.internalName(), request.label().trim(), clock.instant());
            groups.replaceRights(id, rights);
        } catch (DuplicateKeyException raced) {
            throw duplicate(request.internalName());
        }
        SecurityGroup created = get(request.internalName());
        audit.record("securityGroup.created", TARGET, created.internalName(), null, state(created));
        return created;
    }

    /** Creates the group unless it exists; used by packages, which must be idempotent. */
    @Transactional
    public boolean createIfAbsent(String internalName, String label, Set<String> rights) {
        if (groups.idOf(internalName).isPresent()) {
            return false;
        }
        create(new GroupRequest(internalName, label, List.copyOf(rights)));
        return true;
    }

    @Transactional
    public SecurityGroup update(String internalName, GroupRequest request) {
        SecurityGroup before = get(internalName);
        Violations violations = new Violations();
        if (request.internalName() != null && !request.internalName().equals(internalName)) {
            violations.add("internalName", "immutable",
                    "cannot be changed; create a new group and move its members instead");
        }
        Names.checkLabel(violations, "label", request.label());
        Set<String> rights = checkRights(violations, request.rights());
        violations.throwIfAny();
        long id = groups.idOf(internalName).orElseThrow();
        groups.update(id, request.label().trim(), clock.instant());
        groups.replaceRights(id, rights);
        if (before.rights().contains(Rights.ADMIN) && !rights.contains(Rights.ADMIN)) {
            ensureAnAdministratorRemains("rights");
        }
        if (!rights.containsAll(before.rights())) {
            sessions.endAll(groups.memberNames(id));
        }
        SecurityGroup after = get(internalName);
        audit.record("securityGroup.updated", TARGET, internalName, state(before), state(after));
        return after;
    }

    @Transactional
    public void delete(String internalName) {
        SecurityGroup group = get(internalName);
        if (group.memberCount() > 0) {
            throw new ConflictException("internalName", "inUse", "group '" + internalName + "' still has "
                    + group.memberCount() + " member(s); remove them from the group before deleting it");
        }
        groups.delete(groups.idOf(internalName).orElseThrow());
        audit.record("securityGroup.deleted", TARGET, internalName, state(group), null);
    }

    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(long operatorId) {
        return groups.membershipsOf(operatorId);
    }

    @Transactional(readOnly = true)
    public Set<String> groupsOf(long operatorId, MembershipSource source) {
        return groups.groupsOf(operatorId, source);
    }

    @Transactional(readOnly = true)
    public Set<String> rightsOf(long operatorId) {
        return groups.rightsOfOperator(operatorId);
    }

    /**
     * Makes the operator's memberships of one source exactly {@code wanted}, leaving the other source alone.
     * Unknown groups are refused on {@code field}. Returns nothing; callers audit at their level.
     */
    @Transactional
    public void replaceMemberships(long operatorId, MembershipSource source, Set<String> wanted, String field) {
        Violations violations = new Violations();
        if (wanted.stream().anyMatch(name -> name == null || name.isBlank())) {
            violations.add(field, "blankGroup", "holds an empty group name; list internal names only").throwIfAny();
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : new TreeSet<>(wanted)) {
            groups.idOf(name).ifPresentOrElse(id -> ids.put(name, id), () -> violations.add(field, "unknownGroup",
                    "names no security group: '" + name + "'; create the group first or correct the name"));
        }
        violations.throwIfAny();
        Set<String> current = groups.groupsOf(operatorId, source);
        for (String name : current) {
            if (!ids.containsKey(name)) {
                groups.removeMembership(operatorId, groups.idOf(name).orElseThrow(), source);
            }
        }
        ids.forEach((name, id) -> {
            if (!current.contains(name)) {
                groups.addMembership(operatorId, id, source, clock.instant());
            }
        });
        ensureAnAdministratorRemains(field);
    }

    /** The MASK groups of every operator of {@code origin} that has any, by name, in one query. */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> maskGroupsByOperator(String origin) {
        return groups.maskGroupsByOperator(origin);
    }

    /**
     * Applies a reconciliation of MASK memberships computed by the login or the directory sync. The identity
     * provider is the authority here, so no guard on the last administrator: the local break-glass operator
     * keeps the instance administrable. Groups that vanished meanwhile are skipped.
     */
    @Transactional
    public void applyMaskChange(long operatorId, MembershipChange change) {
        if (!change.isEmpty()) {
            applyMaskChanges(Map.of(operatorId, change));
        }
    }

    /** The MASK groups of each of {@code operatorIds} that has any, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> maskGroupsOf(Collection<Long> operatorIds) {
        return operatorIds.isEmpty() ? Map.of() : groups.maskGroupsOf(operatorIds);
    }

    /**
     * {@link #applyMaskChange} for many operators at once, in two JDBC batches (the directory sync's); the same
     * rules: no guard on the last administrator, groups that vanished meanwhile skipped.
     */
    @Transactional
    public void applyMaskChanges(Map<Long, MembershipChange> changes) {
        Map<String, Long> ids = groups.idsByName();
        List<long[]> removed = new ArrayList<>();
        List<long[]> added = new ArrayList<>();
        changes.forEach((operator, change) -> {
            change.remove().stream().map(ids::get).filter(Objects::nonNull)
                    .forEach(group -> removed.add(new long[] { operator, group }));
            change.add().stream().map(ids::get).filter(Objects::nonNull)
                    .forEach(group -> added.add(new long[] { operator, group }));
        });
        groups.removeMemberships(removed, MembershipSource.MASK);
        groups.addMemberships(added, MembershipSource.MASK, clock.instant());
    }

    /**
     * Refuses (and so rolls back) any change after which no enabled local operator holds the right
     * {@code admin}: the instance must keep someone who can sign in with a password and administer it when
     * the identity provider is down or a mask removed every external administrator. The check holds a lock
     * until commit, so concurrent changes are checked one after the other.
     */
    @Transactional
    public void ensureAnAdministratorRemains(String field) {
        groups.lockAdministrators();
        if (groups.countEnabledLocalOperatorsWithRight(Rights.ADMIN) == 0) {
            throw new ConflictException(field, "lastAdministrator",
                    "this change would leave no enabled local operator with the right 'admin' (the break-glass "
                            + "operator who can sign in when the identity provider cannot); give another local "
                            + "operator the right first");
        }
    }

    private static Set<String> checkRights(Violations violations, List<String> rights) {
        Set<String> checked = new TreeSet<>();
        if (rights == null) {
            return checked;
        }
        if (rights.size() > MAX_RIGHTS) {
            violations.add("rights", "tooMany", "holds " + rights.size() + " entries; list at most " + MAX_RIGHTS
                    + " rights, each once (known rights: " + String.join(", ", Rights.known()) + ")");
            return checked;
        }
        for (String right : rights) {
            if (right == null || !Rights.isKnown(right)) {
                violations.add("rights", "unknownRight",
                        "'" + right + "' is not a right; use one of " + String.join(", ", Rights.known()));
            } else {
                checked.add(right);
            }
        }
        return checked;
    }

    private static ConflictException duplicate(String internalName) {
        return new ConflictException("internalName", "duplicate",
                "a security group named '" + internalName + "' already exists; choose another internal name");
    }

    private static Map<String, Object> state(SecurityGroup group) {
        return Map.of("internalName", group.internalName(), "label", group.label(), "rights", group.rights());
    }
}
