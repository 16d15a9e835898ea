package io.imsconnect.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.imsconnect.core.mapping.ProfileMapping;
import io.imsconnect.core.mapping.ProfileMapping.Status;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.MaskSettings;

/** The access decision, table-driven: organization, product context, mask, operator, in that order. */
class AccessDecisionsTest {

    private static final String ORG = "A495E53C0123456789ABCDEF@AdobeOrg";
    private static final AssociationMask MASK =
            AssociationMask.compile(new MaskSettings("Campaign - acme - (.*)", false));
    private static final Set<String> GROUPS =
            Set.of("admin", "delivery", "operation", "workflow", "workflowSupervisor");

    private static AccessDecision decide(AssociationMask mask, OrgCheck org, List<String> profiles) {
        return AccessDecisions.decide(new AccessPolicy(mask, ORG, null), identity(org, profiles, List.of()),
                GROUPS, Optional.empty());
    }

    private static Identity identity(OrgCheck org, List<String> profiles, List<Identity.ProductContext> contexts) {
        return new Identity("subject-1", "user@acme.example", "User", org, "", profiles, contexts);
    }

    @Nested
    class Decide {

        static Stream<Arguments> decisions() {
            return Stream.of(
                    Arguments.of(OrgCheck.MEMBER, List.of("Campaign - acme - delivery"),
                            Outcome.ALLOWED, Set.of("delivery")),
                    Arguments.of(OrgCheck.NOT_CHECKED, List.of("Campaign - acme - delivery"),
                            Outcome.ALLOWED, Set.of("delivery")),
                    Arguments.of(OrgCheck.MEMBER,
                            List.of("Campaign - acme - workflow", "Campaign - acme - admin",
                                    "Campaign - acme - report", "Analytics"),
                            Outcome.ALLOWED, Set.of("admin", "workflow")),
                    Arguments.of(OrgCheck.MEMBER,
                            List.of("Campaign - acme - delivery", " Campaign - acme - delivery "),
                            Outcome.ALLOWED, Set.of("delivery")),
                    Arguments.of(OrgCheck.MEMBER, List.of(),
                            Outcome.REFUSED_NO_MATCHING_GROUP, Set.of()),
                    Arguments.of(OrgCheck.MEMBER,
                            List.of("Campaign - acme - report", "Campaign - acme - ", "Analytics"),
                            Outcome.REFUSED_NO_MATCHING_GROUP, Set.of()),
                    Arguments.of(OrgCheck.NOT_CHECKED, List.of("Campaign - acme - Delivery"),
                            Outcome.REFUSED_NO_MATCHING_GROUP, Set.of()),
                    Arguments.of(OrgCheck.NOT_MEMBER, List.of("Campaign - acme - delivery"),
                            Outcome.REFUSED_NOT_IN_ORGANIZATION, Set.of()),
                    Arguments.of(OrgCheck.NOT_MEMBER, List.of(),
                            Outcome.REFUSED_NOT_IN_ORGANIZATION, Set.of()));
        }

        @ParameterizedTest(name = "[{index}] {0} {1} -> {2} {3}")
        @MethodSource("decisions")
        void decideWhenCalledThenOutcomeAndGroups(OrgCheck org, List<String> profiles,
                Outcome outcome, Set<String> groups) {
            AccessDecision decision = decide(MASK, org, profiles);

            assertThat(decision.outcome()).isEqualTo(outcome);
            assertThat(decision.groups()).containsExactlyElementsOf(new TreeSet<>(groups));
            assertThat(decision.allowed()).isEqualTo(outcome == Outcome.ALLOWED);
        }

        @Test
        void decideWhenNotMemberThenDiagnosticsKept() {
            List<String> profiles = List.of("Campaign - acme - delivery", "Analytics");

            AccessDecision decision =
                    decide(MASK, OrgCheck.NOT_MEMBER, profiles);

            assertThat(decision.perProfile()).containsExactly(
                    new ProfileMapping("Campaign - acme - delivery", Status.MAPPED, "delivery"),
                    new ProfileMapping("Analytics", Status.NO_MATCH, null));
        }

        @Test
        void decideWhenNoMatchingGroupThenDiagnosticsKept() {
            List<String> profiles = List.of("Campaign - acme - report", "Campaign - acme - ");

            AccessDecision decision =
                    decide(MASK, OrgCheck.MEMBER, profiles);

            assertThat(decision.perProfile()).extracting(ProfileMapping::status)
                    .containsExactly(Status.UNKNOWN_GROUP, Status.EMPTY_CAPTURE);
        }

        @Test
        void decideWhenTwoProfilesNameSameGroupThenGroupOnceAndBothRowsMapped() {
            AssociationMask mask = AssociationMask.compile(
                    new MaskSettings("Campaign - (?:acme|acme-eu) - (.*)", false));
            List<String> profiles = List.of("Campaign - acme - delivery", "Campaign - acme-eu - delivery");

            AccessDecision decision = decide(mask, OrgCheck.MEMBER, profiles);

            assertThat(decision.groups()).containsExactly("delivery");
            assertThat(decision.perProfile()).extracting(ProfileMapping::status)
                    .containsExactly(Status.MAPPED, Status.MAPPED);
        }

        @Test
        void decideWhenAllowedThenGroupsSorted() {
            List<String> profiles = List.of("Campaign - acme - workflow", "Campaign - acme - admin",
                    "Campaign - acme - delivery");

            AccessDecision decision = decide(MASK, OrgCheck.MEMBER, profiles);

            assertThat(decision.groups()).containsExactly("admin", "delivery", "workflow");
        }

        @Test
        void decideWhenOrgNullThenThrows() {
            assertThatNullPointerException()
                    .isThrownBy(() -> decide(MASK, null, List.of()));
        }

        @Test
        void noMatchingRightMessageWhenReadThenCampaignWording() {
            assertThat(AccessDecisions.NO_MATCHING_RIGHT_MESSAGE)
                    .isEqualTo("Login does not have any right matching the expression");
        }
    }

    @Nested
    class DecisionValue {

        @Test
        void constructorWhenInputsChangedLaterThenDecisionUnchanged() {
            Set<String> groups = new TreeSet<>(Set.of("delivery"));
            List<ProfileMapping> rows = new ArrayList<>(
                    List.of(new ProfileMapping("Campaign - acme - delivery", Status.MAPPED, "delivery")));

            AccessDecision decision = new AccessDecision(Outcome.ALLOWED, groups, rows, "allowed");
            groups.add("admin");
            rows.clear();

            assertThat(decision.groups()).containsExactly("delivery");
            assertThat(decision.perProfile()).hasSize(1);
        }

        @Test
        void groupsWhenModifiedThenThrows() {
            AccessDecision decision = new AccessDecision(Outcome.ALLOWED, Set.of("delivery"), List.of(), "allowed");

            assertThatThrownBy(() -> decision.groups().add("admin"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void constructorWhenAllowedWithoutGroupsThenThrows() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AccessDecision(Outcome.ALLOWED, Set.of(), List.of(), "allowed"));
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = "ALLOWED", mode = EnumSource.Mode.EXCLUDE)
        void constructorWhenRefusedWithGroupsThenThrows(Outcome outcome) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AccessDecision(outcome, Set.of("delivery"), List.of(), "refused"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "MAPPED|NONE", "MAPPED|''", "MAPPED|' '", "UNKNOWN_GROUP|NONE",
            "NO_MATCH|delivery", "NO_MATCH|''", "TOO_LONG|delivery",
            "EMPTY_CAPTURE|NONE", "EMPTY_CAPTURE|delivery",
        })
        void profileMappingWhenCapturedNameInconsistentWithStatusThenThrows(Status status,
                String captured) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ProfileMapping("Campaign - acme - x", status, captured));
        }
    }

    @Nested
    class BeyondTheMask {

        private static final List<String> DELIVERY = List.of("Campaign - acme - delivery");
        private static final Identity.ProductContext CAMPAIGN_OF_ACME = new Identity.ProductContext("dma_campaign", ORG);

        static Stream<Arguments> decisions() {
            KnownOperator enabled = new KnownOperator("alice", false, null);
            KnownOperator disabled = new KnownOperator("alice", true, null);
            KnownOperator notActive = new KnownOperator("alice", false, Suspension.NOT_ACTIVE);
            KnownOperator leftOrg = new KnownOperator("alice", false, Suspension.LEFT_ORGANIZATION);
            Identity.ProductContext campaignOfOther = new Identity.ProductContext("dma_campaign",
                    "0000000000000000000000AA@AdobeOrg");
            return Stream.of(
                    Arguments.of("dma_campaign", OrgCheck.MEMBER, DELIVERY, List.of(CAMPAIGN_OF_ACME), null,
                            Outcome.ALLOWED),
                    Arguments.of("dma_campaign", OrgCheck.MEMBER, DELIVERY, List.of(), null,
                            Outcome.REFUSED_PRODUCT_CONTEXT),
                    Arguments.of("dma_campaign", OrgCheck.MEMBER, DELIVERY, List.of(campaignOfOther), null,
                            Outcome.REFUSED_PRODUCT_CONTEXT),
                    Arguments.of("dma_campaign", OrgCheck.NOT_MEMBER, DELIVERY, List.of(), null,
                            Outcome.REFUSED_NOT_IN_ORGANIZATION),
                    Arguments.of("dma_campaign", OrgCheck.MEMBER, List.of("Analytics"), List.of(), null,
                            Outcome.REFUSED_PRODUCT_CONTEXT),
                    Arguments.of(null, OrgCheck.MEMBER, DELIVERY, List.of(), enabled, Outcome.ALLOWED),
                    Arguments.of(null, OrgCheck.MEMBER, DELIVERY, List.of(), disabled,
                            Outcome.REFUSED_OPERATOR_DISABLED),
                    Arguments.of(null, OrgCheck.MEMBER, List.of("Analytics"), List.of(), disabled,
                            Outcome.REFUSED_NO_MATCHING_GROUP),
                    Arguments.of(null, OrgCheck.NOT_MEMBER, DELIVERY, List.of(), disabled,
                            Outcome.REFUSED_NOT_IN_ORGANIZATION),
                    Arguments.of(null, OrgCheck.MEMBER, DELIVERY, List.of(), notActive,
                            Outcome.REFUSED_OPERATOR_SUSPENDED),
                    Arguments.of(null, OrgCheck.MEMBER, DELIVERY, List.of(), leftOrg, Outcome.ALLOWED),
                    Arguments.of(null, OrgCheck.NOT_MEMBER, DELIVERY, List.of(), leftOrg,
                            Outcome.REFUSED_NOT_IN_ORGANIZATION));
        }

        @ParameterizedTest(name = "[{index}] context {0}, {1}, {2}, holds {3}, operator {4} -> {5}")
        @MethodSource("decisions")
        void decideWhenCheckedInOrderThenFirstRefusalWins(String productContext, OrgCheck org, List<String> profiles,
                List<Identity.ProductContext> held, KnownOperator operator, Outcome outcome) {
            AccessDecision decision = AccessDecisions.decide(new AccessPolicy(MASK, ORG, productContext),
                    identity(org, profiles, held), GROUPS, Optional.ofNullable(operator));

            assertThat(decision.outcome()).isEqualTo(outcome);
        }

        @Test
        void decideWhenOperatorDisabledThenReasonNamesTheOperator() {
            AccessDecision decision = AccessDecisions.decide(new AccessPolicy(MASK, ORG, null),
                    identity(OrgCheck.MEMBER, DELIVERY, List.of()), GROUPS,
                    Optional.of(new KnownOperator("alice", true, null)));

            assertThat(decision.reason()).contains("'alice'").contains("disabled");
        }

        @Test
        void decideWhenNoProfileMapsThenReasonNamesTheMaskAndEachProfile() {
            AccessDecision decision = decide(MASK, OrgCheck.MEMBER, List.of("Campaign - acme - report", "Analytics"));

            assertThat(decision.reason()).startsWith(AccessDecisions.NO_MATCHING_RIGHT_MESSAGE)
                    .contains("'Campaign - acme - (.*)'")
                    .contains("'Campaign - acme - report' (names 'report', which is no security group here)")
                    .contains("'Analytics' (does not match the mask)");
        }

        @Test
        void decideWhenNotMemberThenReasonSaysWhatTheProviderSaid() {
            Identity identity = new Identity("s", null, null, OrgCheck.NOT_MEMBER,
                    "Your Adobe ID belongs to B@AdobeOrg.", DELIVERY, List.of());

            AccessDecision decision = AccessDecisions.decide(new AccessPolicy(MASK, ORG, null), identity, GROUPS,
                    Optional.empty());

            assertThat(decision.reason()).contains(ORG).contains("Your Adobe ID belongs to B@AdobeOrg.");
        }

        @Test
        void decideWhenBlankProductContextThenNotAsked() {
            AccessDecision decision = AccessDecisions.decide(new AccessPolicy(MASK, ORG, " "),
                    identity(OrgCheck.MEMBER, DELIVERY, List.of()), GROUPS, Optional.empty());

            assertThat(decision.allowed()).isTrue();
        }
    }
}
