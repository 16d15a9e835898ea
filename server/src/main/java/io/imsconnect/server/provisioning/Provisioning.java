package io.imsconnect.server.provisioning;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.session.LiveSessions;

/**
 * The one provisioning step: identity and profiles, the access decision ({@code core}), then, when allowed, the
 * operator created or kept in step, its MASK memberships made exactly the mapped groups (MANUAL ones never
 * touched), and its live sessions ended on every node when its rights shrank. Sign-in calls {@link #provision};
 * the directory sync applies its plan, decided by the same {@code core} decision for the whole directory at
 * once, operator by operator through {@link #apply}. Refused: nothing changes. See
 * docs/decisions/0010-one-provisioning-step.md.
 */
@Service
public class Provisioning {

    private final GroupService groups;
    private final OperatorService operators;
    private final LiveSessions sessions;

    Provisioning(GroupService groups, OperatorService operators, LiveSessions sessions) {
        this.groups = groups;
        this.operators = operators;
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

    /**
     * Applies one operator's part of a directory-sync plan, in one transaction: idempotent, since the MASK
     * memberships become the planned ones whatever was applied before (a group already added is not added twice),
     * and a suspension already in force is kept. Returns whether anything changed; an operator gone meanwhile,
     * or an ambiguous e-mail, changes nothing.
     */
    @Transactional
    public boolean apply(String account, PlannedChange planned) {
        if (planned.kind() == Kind.AMBIGUOUS) {
            return false;
        }
        Optional<Operator> found = planned.kind() == Kind.CREATE
                ? Optional.of(operators.findExternal(account, planned.subject()).orElseGet(() -> operators
                        .createExternal(account, planned.subject(), planned.email(), null, false)))
                : operators.findByName(planned.operator());
        if (found.isEmpty()) {
            return false;
        }
        Operator operator = found.get();
        boolean suspensionChanged = planned.kind() == Kind.SUSPEND
                ? operator.suspension() != planned.suspension()
                : operator.suspended();
        operators.setSuspension(operator, planned.suspension(), planned.reason());
        Set<String> wanted = new TreeSet<>(groups.groupsOf(operator.id(), MembershipSource.MASK));
        wanted.removeAll(planned.remove());
        wanted.addAll(planned.add());
        return !applyMask(operator, wanted).isEmpty() || suspensionChanged || planned.kind() == Kind.CREATE;
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
