package io.imsconnect.core.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.imsconnect.core.mapping.MappingDecisions;
import io.imsconnect.core.mapping.ProfileMapping;

/**
 * Decides whether an identity gets in, and with which groups, in the order an administrator reads it:
 * organization, product context, the mask's mapping onto existing groups, then the operator's own state.
 * Pure: the caller supplies the identity, the existing groups and the operator, if any; nothing is created
 * here, because security groups are never created by a sign-in. See docs/decisions/0010-one-provisioning-step.md.
 */
public final class AccessDecisions {

    /** Campaign's own words for a user whose profiles map to no existing group. */
    public static final String NO_MATCHING_RIGHT_MESSAGE = "Login does not have any right matching the expression";

    private AccessDecisions() {
    }

    /**
     * The whole set of wanted groups is computed once here, so callers diff it against the current memberships
     * once instead of adding and removing profile by profile.
     *
     * @param existingGroups internal names of the existing security groups, matched exactly
     */
    public static AccessDecision decide(AccessPolicy policy, Identity identity, Set<String> existingGroups,
            Optional<KnownOperator> operator) {
        Objects.requireNonNull(policy, "policy cannot be null");
        Objects.requireNonNull(identity, "identity cannot be null");
        Objects.requireNonNull(operator, "operator cannot be null");
        List<ProfileMapping> perProfile = MappingDecisions.preview(policy.mask(), identity.profiles(), existingGroups);
        String org = policy.organizationId();
        if (identity.orgCheck() == OrgCheck.NOT_MEMBER) {
            return refused(Outcome.REFUSED_NOT_IN_ORGANIZATION, perProfile, "You are not a member of the "
                    + "organization " + org + " that this instance admits. " + identity.orgDetail()
                    + " Ask your Adobe Admin Console administrator to add you to it.");
        }
        if (policy.productContext() != null && !identity.holdsProductContext(policy.productContext(), org)) {
            return refused(Outcome.REFUSED_PRODUCT_CONTEXT, perProfile, "Your Adobe ID holds no product context '"
                    + policy.productContext() + "' owned by " + org
                    + ". Ask your Admin Console administrator to give you access to the product.");
        }
        Set<String> groups = new TreeSet<>();
        perProfile.stream().filter(ProfileMapping::mapped).forEach(mapping -> groups.add(mapping.capturedName()));
        if (groups.isEmpty()) {
            return refused(Outcome.REFUSED_NO_MATCHING_GROUP, perProfile, NO_MATCHING_RIGHT_MESSAGE + " '"
                    + policy.mask().pattern() + "'. " + explain(perProfile));
        }
        if (operator.isPresent() && operator.get().disabled()) {
            return refused(Outcome.REFUSED_OPERATOR_DISABLED, perProfile, "Your operator '" + operator.get().name()
                    + "' is disabled on this instance. Ask an administrator to enable it.");
        }
        if (operator.isPresent() && operator.get().suspended() && !operator.get().suspension().checkedAtSignIn()) {
            return refused(Outcome.REFUSED_OPERATOR_SUSPENDED, perProfile, "Your operator '" + operator.get().name()
                    + "' is suspended: the Adobe Admin Console lists your account as not active. Ask your Admin "
                    + "Console administrator to reactivate it; the next directory sync lets you in again.");
        }
        return new AccessDecision(Outcome.ALLOWED, groups, perProfile,
                "Allowed with the groups " + String.join(", ", groups) + ".");
    }

    private static AccessDecision refused(Outcome outcome, List<ProfileMapping> perProfile, String reason) {
        return new AccessDecision(outcome, Set.of(), perProfile, reason);
    }

    /** "Profiles seen: 'A' (no match), 'B' (captured 'x': no such group)." — what an administrator acts on. */
    static String explain(List<ProfileMapping> perProfile) {
        if (perProfile.isEmpty()) {
            return "You hold no product profile in this organization.";
        }
        return "Profiles seen: " + perProfile.stream().map(AccessDecisions::explain).collect(Collectors.joining(", "))
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
