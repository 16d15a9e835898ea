package io.imsconnect.server.login;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.mapping.MappingDecision;
import io.imsconnect.core.mapping.MappingDecisions;
import io.imsconnect.core.mapping.OrgCheck;
import io.imsconnect.core.mapping.ProfileMapping;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.MaskSettings;
import io.imsconnect.core.membership.MembershipChange;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.MembershipSource;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.system.LiveSessions;

/**
 * The decision at the end of a sign-in: organization, product context, the mask's mapping onto existing
 * groups, the operator's state. Allowed: the operator is created or kept in step and its MASK memberships
 * become exactly the mapped groups, in one transaction with the decision. Refused: nothing changes, and the
 * decision is recorded on its own.
 */
@Service
class SignInService {

    private final GroupService groups;
    private final OperatorService operators;
    private final LoginDecisionService decisions;
    private final LiveSessions sessions;

    SignInService(GroupService groups, OperatorService operators, LoginDecisionService decisions,
            LiveSessions sessions) {
        this.groups = groups;
        this.operators = operators;
        this.decisions = decisions;
        this.sessions = sessions;
    }

    /** The operator signed in, with the rights the session carries (read from the database). */
    record SignedIn(String operator, Set<String> rights, String decisionId) {
    }

    @Transactional
    public SignedIn signIn(AccountSettings account, ExternalIdentity identity) {
        String org = account.imsOrganizationId();
        if (identity.orgCheck() == OrgCheck.NOT_MEMBER) {
            throw refuse(account, identity, null, LoginOutcome.REFUSED_NOT_IN_ORGANIZATION, null,
                    "You are not a member of the organization " + org + " that this instance admits. "
                            + identity.orgDetail() + " Ask your Adobe Admin Console administrator to add you to it.");
        }
        if (account.productContext() != null && !account.productContext().isBlank()
                && !identity.holdsProductContext(account.productContext(), org)) {
            throw refuse(account, identity, null, LoginOutcome.REFUSED_PRODUCT_CONTEXT, null,
                    "Your Adobe ID holds no product context '" + account.productContext() + "' owned by " + org
                            + ". Ask your Admin Console administrator to give you access to the product.");
        }
        AssociationMask mask = AssociationMask.compile(new MaskSettings(account.associationMask(),
                account.maskIgnoresCase()));
        MappingDecision mapping = MappingDecisions.decide(mask, identity.orgCheck(), identity.profiles(),
                groups.names());
        if (!mapping.allowed()) {
            throw refuse(account, identity, null, LoginOutcome.REFUSED_NO_MATCHING_GROUP, mapping,
                    MappingDecisions.NO_MATCHING_RIGHT_MESSAGE + " '" + mask.pattern() + "'. "
                            + explain(mapping.perProfile()));
        }
        Optional<Operator> known = operators.findExternal(account.internalName(), identity.subject());
        if (known.isPresent() && known.get().disabled()) {
            throw refuse(account, identity, known.get().name(), LoginOutcome.REFUSED_OPERATOR_DISABLED, mapping,
                    "Your operator '" + known.get().name() + "' is disabled on this instance. Ask an administrator "
                            + "to enable it.");
        }
        Operator operator = known
                .map(o -> operators.updateExternalProfile(o, identity.email(), identity.displayName()))
                .orElseGet(() -> operators.createExternal(account.internalName(), identity.subject(),
                        identity.email(), identity.displayName()));
        MembershipChange change = MembershipChange.between(groups.groupsOf(operator.id(), MembershipSource.MASK),
                mapping.groups());
        groups.applyMaskChange(operator.id(), change);
        if (!change.remove().isEmpty()) {
            sessions.end(operator.name());
        }
        LoginDecision decision = new LoginDecision(LoginDecisionService.newId(), decisions.now(),
                account.internalName(), identity.subject(), identity.email(), operator.name(), LoginOutcome.ALLOWED,
                "Allowed with the groups " + String.join(", ", mapping.groups()) + ".", identity.profiles(),
                mapping.perProfile(), List.copyOf(mapping.groups()), List.copyOf(change.add()),
                List.copyOf(change.remove()));
        decisions.recordWithChanges(decision);
        return new SignedIn(operator.name(), groups.rightsOf(operator.id()), decision.id());
    }

    private LoginRefusedException refuse(AccountSettings account, ExternalIdentity identity, String operator,
            LoginOutcome outcome, MappingDecision mapping, String reason) {
        LoginDecision decision = new LoginDecision(LoginDecisionService.newId(), decisions.now(),
                account.internalName(), identity.subject(), identity.email(), operator, outcome, reason,
                identity.profiles(), mapping == null ? null : mapping.perProfile(), null, null, null);
        decisions.recordAlone(decision);
        return new LoginRefusedException(decision);
    }

    /** "Profiles seen: 'A' (no match), 'B' (captured 'x': no such group)." — what an administrator acts on. */
    static String explain(List<ProfileMapping> perProfile) {
        if (perProfile.isEmpty()) {
            return "You hold no product profile in this organization.";
        }
        return "Profiles seen: " + perProfile.stream().map(SignInService::explain).collect(Collectors.joining(", "))
                + ".";
    }

    private static String explain(ProfileMapping mapping) {
        String name = "'" + mapping.profileName() + "'";
        return switch (mapping.status()) {
            case MAPPED -> name + " (group '" + mapping.capturedName() + "')";
            case NO_MATCH -> name + " (does not match the mask)";
            case TOO_LONG -> name + " (name too long to match)";
            case EMPTY_CAPTURE -> name + " (matches, but names no group: empty capture)";
            case UNKNOWN_GROUP -> name + " (names '" + mapping.capturedName() + "', which is no security group here)";
        };
    }
}
