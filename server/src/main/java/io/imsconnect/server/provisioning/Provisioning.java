package io.imsconnect.server.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.access.AccessDecision;
import io.imsconnect.core.access.AccessDecisions;
import io.imsconnect.core.access.AccessPolicy;
import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.KnownOperator;
import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.membership.MembershipChange;
import io.imsconnect.core.sync.PlannedChange;
import io.imsconnect.core.sync.PlannedChange.Kind;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.MembershipSource;
import io.imsconnect.server.operator.ExternalOperators;
import io.imsconnect.server.operator.ExternalOperators.SuspensionChange;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.session.LiveSessions;

/**
 * The one provisioning step: identity and profiles, the access decision ({@code core}), then, when allowed, the
 * operator created or kept in step, its MASK memberships made exactly the mapped groups (MANUAL ones never
 * touched), and its live sessions ended on every node when its rights shrank. Sign-in calls {@link #provision};
 * the directory sync applies its plan, decided by the same {@code core} decision for the whole directory at
 * once, a chunk at a time through {@link #applyAll}. Refused: nothing changes. See
 * docs/decisions/0010-one-provisioning-step.md.
 */
@Service
public class Provisioning {

    private final GroupService groups;
    private final OperatorService operators;
    private final ExternalOperators external;
    private final LiveSessions sessions;

    Provisioning(GroupService groups, OperatorService operators, ExternalOperators external, LiveSessions sessions) {
        this.groups = groups;
        this.operators = operators;
        this.external = external;
        this.sessions = sessions;
    }

    /**
     * What the step decided and did.
     *
     * @param operator the operator allowed in, or the disabled or suspended one refused; {@code null} for other
     *     refusals
     * @param change the MASK memberships added and removed; empty when refused
     * @param rights the operator's rights after the change; empty when refused
     */
    public record Provisioned(AccessDecision decision, String operator, MembershipChange change, Set<String> rights) {
    }

    /**
     * Decides and, when allowed, applies; joins the caller's transaction so both commit together. An allowed
     * sign-in of a suspended operator finds the user back (the decision refuses the grounds it cannot see), so
     * it lifts the suspension.
     */
    @Transactional
    public Provisioned provision(AccountSettings account, Identity identity) {
        return provision(account, identity, false);
    }

    /**
     * The same, for an identity that may be a technical account (an API bearer token's): a technical operator is
     * created as such at its first call.
     */
    @Transactional
    public Provisioned provision(AccountSettings account, Identity identity, boolean technical) {
        Optional<Operator> known = operators.findExternal(account.internalName(), identity.subject());
        AccessDecision decision = AccessDecisions.decide(AccessPolicy.of(account), identity, groups.names(),
                known.map(o -> new KnownOperator(o.name(), o.disabled(), o.suspension())));
        if (!decision.allowed()) {
            boolean named = decision.outcome() == Outcome.REFUSED_OPERATOR_DISABLED
                    || decision.outcome() == Outcome.REFUSED_OPERATOR_SUSPENDED;
            return new Provisioned(decision, named ? known.get().name() : null, MembershipChange.between(Set.of(),
                    Set.of()), Set.of());
        }
        Operator operator = known
                .map(o -> operators.updateExternalProfile(o, identity.email(), identity.displayName()))
                .orElseGet(() -> operators.createExternal(account.internalName(), identity.subject(),
                        identity.email(), identity.displayName(), technical));
        operators.setSuspension(operator, null, null);
        MembershipChange change = applyMask(operator, decision.groups());
        return new Provisioned(decision, operator.name(), change, groups.rightsOf(operator.id()));
    }

    /** What applying one planned change did to its operator. */
    public enum Effect {
        /** Nothing: already in force, only reported (an ambiguous e-mail), or the operator is gone. */
        NONE, CREATED, SUSPENDED, RESTORED, GROUPS_CHANGED
    }

    /**
     * One planned change applied: its effect, the operator ({@code null} when none), and the MASK memberships
     * added and removed. A suspension or restoration that also changed groups is named by the suspension.
     */
    public record Applied(Effect effect, Operator operator, MembershipChange change) {
    }

    /**
     * Applies a chunk of a directory-sync plan, in the caller's transaction, read and written set-wise (one query
     * for the operators, one for their MASK groups, JDBC batches for the writes). Idempotent, operator by operator:
     * the MASK memberships become the planned ones whatever was applied before (a group already added is not added
     * twice), a suspension already in force is kept, and an operator a CREATE finds already created is not created
     * again. Returns, in the order given, what each change did; records no audit event (the caller records one per
     * change). See docs/decisions/0016-directory-sync-in-batches.md and 0021-directory-sync-writes-less.md.
     */
    @Transactional
    public List<Applied> applyAll(String account, List<PlannedChange> plan) {
        Map<String, Operator> byName = external.byName(account, plan.stream()
                .filter(p -> p.kind() != Kind.CREATE && p.kind() != Kind.AMBIGUOUS).map(PlannedChange::operator)
                .collect(Collectors.toSet()));
        Map<String, String> toCreate = new LinkedHashMap<>();
        plan.stream().filter(p -> p.kind() == Kind.CREATE).forEach(p -> toCreate.putIfAbsent(p.subject(), p.email()));
        Map<String, Operator> bySubject = new HashMap<>(external.bySubject(account, toCreate.keySet()));
        toCreate.keySet().removeAll(bySubject.keySet());
        // Read before creating: an operator created now holds no membership yet.
        Map<Long, Set<String>> current = new HashMap<>(groups.maskGroupsOf(
                Stream.concat(byName.values().stream(), bySubject.values().stream()).map(Operator::id).toList()));
        Map<String, Operator> created = external.create(account, toCreate);
        bySubject.putAll(created);
        List<Applied> applied = new ArrayList<>(plan.size());
        List<SuspensionChange> suspensions = new ArrayList<>();
        Map<Long, MembershipChange> maskChanges = new LinkedHashMap<>();
        Set<String> shrunk = new LinkedHashSet<>();
        for (PlannedChange planned : plan) {
            Operator operator = planned.kind() == Kind.AMBIGUOUS ? null
                    : planned.kind() == Kind.CREATE ? bySubject.get(planned.subject()) : byName.get(planned.operator());
            if (operator == null) {
                applied.add(new Applied(Effect.NONE, null, MembershipChange.between(Set.of(), Set.of())));
                continue;
            }
            suspensions.add(new SuspensionChange(operator, planned.suspension(), planned.reason()));
            Set<String> mask = current.getOrDefault(operator.id(), Set.of());
            MembershipChange change = MembershipChange.between(mask, wanted(mask, planned));
            if (!change.isEmpty()) {
                maskChanges.put(operator.id(), change);
                current.put(operator.id(), wanted(mask, planned));
            }
            if (!change.remove().isEmpty()) {
                shrunk.add(operator.name());
            }
            applied.add(new Applied(effect(planned, operator, change, created.containsKey(planned.subject())),
                    operator, change));
        }
        external.setSuspensions(suspensions);
        groups.applyMaskChanges(maskChanges);
        sessions.endAll(shrunk);
        return applied;
    }

    private static Effect effect(PlannedChange planned, Operator operator, MembershipChange change,
            boolean createdNow) {
        if (planned.kind() == Kind.CREATE && createdNow) {
            return Effect.CREATED;
        }
        if (planned.kind() == Kind.SUSPEND ? operator.suspension() != planned.suspension() : operator.suspended()) {
            return planned.kind() == Kind.SUSPEND ? Effect.SUSPENDED : Effect.RESTORED;
        }
        return change.isEmpty() ? Effect.NONE : Effect.GROUPS_CHANGED;
    }

    /** The MASK groups a planned change leaves: the current ones, less those it removes, plus those it adds. */
    private static Set<String> wanted(Set<String> current, PlannedChange planned) {
        Set<String> wanted = new TreeSet<>(current);
        wanted.removeAll(planned.remove());
        wanted.addAll(planned.add());
        return wanted;
    }

    /** The one diff of MASK memberships, applied; live sessions end when any is removed. */
    private MembershipChange applyMask(Operator operator, Set<String> wanted) {
        MembershipChange change = MembershipChange.between(groups.groupsOf(operator.id(), MembershipSource.MASK),
                wanted);
        groups.applyMaskChange(operator.id(), change);
        if (!change.remove().isEmpty()) {
            sessions.end(operator.name());
        }
        return change;
    }
}
