package io.imsconnect.server.provisioning;

import java.util.Optional;
import java.util.Set;

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
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.MembershipSource;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.session.LiveSessions;

/**
 * The one provisioning step: identity and profiles, the access decision ({@code core}), then, when allowed, the
 * operator created or kept in step, its MASK memberships made exactly the mapped groups (MANUAL ones never
 * touched), and its live sessions ended on every node when its rights shrank. Sign-in calls it; API tokens and
 * the directory sync are to call it too, never a copy. Refused: nothing changes. See
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
     * @param operator the operator allowed in, or the disabled one refused; {@code null} for other refusals
     * @param change the MASK memberships added and removed; empty when refused
     * @param rights the operator's rights after the change; empty when refused
     */
    public record Provisioned(AccessDecision decision, String operator, MembershipChange change, Set<String> rights) {
    }

    /** Decides and, when allowed, applies; joins the caller's transaction so both commit together. */
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
                known.map(o -> new KnownOperator(o.name(), o.disabled())));
        if (!decision.allowed()) {
            String refused = decision.outcome() == Outcome.REFUSED_OPERATOR_DISABLED ? known.get().name() : null;
            return new Provisioned(decision, refused, MembershipChange.between(Set.of(), Set.of()), Set.of());
        }
        Operator operator = known
                .map(o -> operators.updateExternalProfile(o, identity.email(), identity.displayName()))
                .orElseGet(() -> operators.createExternal(account.internalName(), identity.subject(),
                        identity.email(), identity.displayName(), technical));
        MembershipChange change = MembershipChange.between(groups.groupsOf(operator.id(), MembershipSource.MASK),
                decision.groups());
        groups.applyMaskChange(operator.id(), change);
        if (!change.remove().isEmpty()) {
            sessions.end(operator.name());
        }
        return new Provisioned(decision, operator.name(), change, groups.rightsOf(operator.id()));
    }
}
