package io.imsconnect.server.operator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.access.Suspension;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.errors.NotFoundException;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.Membership;
import io.imsconnect.server.group.MembershipSource;
import io.imsconnect.server.session.LiveSessions;
import io.imsconnect.server.storage.Page;

/** Operators: listing, their memberships, enabling and disabling, and the local (password) operators. */
@Service
public class OperatorService {

    private static final String TARGET = "operator";

    private final OperatorRepository operators;
    private final GroupService groups;
    private final AuditService audit;
    private final PasswordEncoder passwords;
    private final LiveSessions sessions;
    private final Clock clock;

    OperatorService(OperatorRepository operators, GroupService groups, AuditService audit, PasswordEncoder passwords,
            LiveSessions sessions, Clock clock) {
        this.operators = operators;
        this.groups = groups;
        this.audit = audit;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<OperatorView> list() {
        return operators.findAll().stream().map(this::view).toList();
    }

    /** One page of the operators by name, with how many there are. */
    @Transactional(readOnly = true)
    public Page<OperatorView> page(int offset, int size) {
        return new Page<>(operators.findPage(offset, size).stream().map(this::view).toList(), operators.count(),
                offset, size);
    }

    @Transactional(readOnly = true)
    public OperatorView get(String name) {
        return view(find(name));
    }

    @Transactional(readOnly = true)
    public Optional<Operator> findByName(String name) {
        return operators.findByName(name);
    }

    @Transactional(readOnly = true)
    public Optional<LocalCredentials> localCredentials(String name) {
        return operators.findByName(name).filter(Operator::isLocal).flatMap(operator -> operators
                .passwordHash(operator.id())
                .map(hash -> new LocalCredentials(operator.name(), hash, operator.disabled(),
                        groups.rightsOf(operator.id()))));
    }

    @Transactional(readOnly = true)
    public Set<String> rightsOf(String name) {
        return operators.findByName(name).map(operator -> groups.rightsOf(operator.id())).orElse(Set.of());
    }

    /**
     * Makes the operator's MANUAL memberships exactly {@code wanted}. MASK memberships are the mapping's and
     * are left as they are.
     */
    @Transactional
    public OperatorView setManualGroups(String name, Set<String> wanted) {
        Operator operator = find(name);
        Set<String> before = groups.groupsOf(operator.id(), MembershipSource.MANUAL);
        groups.replaceMemberships(operator.id(), MembershipSource.MANUAL, wanted, "groups");
        Set<String> after = groups.groupsOf(operator.id(), MembershipSource.MANUAL);
        if (!before.equals(after)) {
            audit.record("operator.manualGroups.changed", TARGET, name, Map.of("manualGroups", before),
                    Map.of("manualGroups", after));
        }
        if (!after.containsAll(before)) {
            sessions.end(name);
        }
        return view(operator);
    }

    @Transactional
    public OperatorView addManualGroup(String name, String group) {
        Set<String> wanted = new TreeSet<>(groups.groupsOf(find(name).id(), MembershipSource.MANUAL));
        wanted.add(group);
        return setManualGroups(name, wanted);
    }

    @Transactional
    public OperatorView removeManualGroup(String name, String group) {
        Set<String> wanted = new TreeSet<>(groups.groupsOf(find(name).id(), MembershipSource.MANUAL));
        wanted.remove(group);
        return setManualGroups(name, wanted);
    }

    /** Disables the operator and ends its live sessions: a disabled operator is out now, not at next login. */
    @Transactional
    public OperatorView disable(String name) {
        Operator operator = find(name);
        if (!operator.disabled()) {
            operators.setDisabled(operator.id(), true, clock.instant());
            groups.ensureAnAdministratorRemains("name");
            audit.record("operator.disabled", TARGET, name, Map.of("disabled", false), Map.of("disabled", true));
            sessions.end(name);
        }
        return get(name);
    }

    @Transactional
    public OperatorView enable(String name) {
        Operator operator = find(name);
        if (operator.disabled()) {
            operators.setDisabled(operator.id(), false, clock.instant());
            audit.record("operator.enabled", TARGET, name, Map.of("disabled", true), Map.of("disabled", false));
        }
        return get(name);
    }

    /** Creates a local (password) operator with MANUAL memberships; the password is stored encoded only. */
    @Transactional
    public OperatorView createLocal(String name, String label, String rawPassword, Set<String> manualGroups) {
        if (operators.nameExists(name)) {
            throw new InvalidInputException("name", "duplicate", "an operator named '" + name + "' already exists");
        }
        long id = operators.insert(name, label, null, Operator.LOCAL, null, passwords.encode(rawPassword),
                clock.instant());
        groups.replaceMemberships(id, MembershipSource.MANUAL, manualGroups, "groups");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("origin", Operator.LOCAL);
        state.put("manualGroups", new TreeSet<>(manualGroups));
        state.put("password", "set");
        audit.record("operator.created", TARGET, name, null, state);
        return get(name);
    }

    /** The operators an external account created, for the directory sync to plan against. */
    @Transactional(readOnly = true)
    public List<Operator> listExternal(String origin) {
        return operators.findByOrigin(origin);
    }

    /**
     * Suspends the operator on the directory's word ({@code suspension} not {@code null}) or lifts the suspension;
     * a suspension ends its live sessions. Not an administrator's "disabled": the directory sync and an allowed
     * sign-in lift it.
     */
    @Transactional
    public void setSuspension(Operator operator, Suspension suspension, String reason) {
        if (operator.suspension() == suspension) {
            return;
        }
        operators.setSuspension(operator.id(), suspension, suspension == null ? null : reason, clock.instant());
        if (suspension == null) {
            audit.record("operator.restored", TARGET, operator.name(), Map.of("suspension", operator.suspension()),
                    Map.of("suspended", false));
        } else {
            audit.record("operator.suspended", TARGET, operator.name(), Map.of("suspended", operator.suspended()),
                    Map.of("suspension", suspension, "reason", reason));
            sessions.end(operator.name());
        }
    }

    @Transactional(readOnly = true)
    public Optional<Operator> findExternal(String origin, String subject) {
        return operators.findByOriginAndSubject(origin, subject);
    }

    /**
     * Creates an operator for a first sign-in through an external account. Its name is the e-mail when free,
     * else the e-mail with a suffix derived from the account and subject (safe in a URL path); the identity that
     * matters is (origin, subject), never the e-mail.
     */
    @Transactional
    public Operator createExternal(String origin, String subject, String email, String label, boolean technical) {
        String name = freeName(baseName(email, subject), origin, subject);
        operators.insert(name, label, email, origin, subject, null, technical, clock.instant());
        Operator created = operators.findByName(name).orElseThrow();
        audit.record("operator.created", TARGET, name, null,
                Map.of("name", name, "origin", origin, "subject", subject, "technical", technical));
        return created;
    }

    /** Keeps an external operator's label and e-mail as the identity provider has them. */
    @Transactional
    public Operator updateExternalProfile(Operator operator, String email, String label) {
        if (java.util.Objects.equals(operator.email(), email) && java.util.Objects.equals(operator.label(), label)) {
            return operator;
        }
        operators.updateProfile(operator.id(), label, email, clock.instant());
        return operators.findByName(operator.name()).orElseThrow();
    }

    /** The name an external operator gets when it is free: its e-mail in lower case, else its subject. */
    static String baseName(String email, String subject) {
        String wanted = email != null && !email.isBlank() ? email.trim().toLowerCase(java.util.Locale.ROOT) : subject;
        return wanted.length() > 100 ? wanted.substring(0, 100) : wanted;
    }

    /** {@code base} when no operator has it, else it with a suffix derived from the origin and subject. */
    String freeName(String base, String origin, String subject) {
        if (!operators.nameExists(base)) {
            return base;
        }
        String suffix = Integer.toHexString((origin + "/" + subject).hashCode());
        for (int i = 0;; i++) {
            String candidate = base + "-" + suffix + (i == 0 ? "" : "-" + i);
            if (!operators.nameExists(candidate)) {
                return candidate;
            }
        }
    }

    private Operator find(String name) {
        return operators.findByName(name).orElseThrow(() -> new NotFoundException("operator", name));
    }

    private OperatorView view(Operator operator) {
        List<Membership> memberships = groups.membershipsOf(operator.id());
        return new OperatorView(operator.name(), operator.label(), operator.email(), operator.origin(),
                operator.technical(), operator.disabled(), operator.suspended(), operator.suspendedReason(),
                operator.createdAt(), operator.updatedAt(), memberships, groups.rightsOf(operator.id()));
    }
}
