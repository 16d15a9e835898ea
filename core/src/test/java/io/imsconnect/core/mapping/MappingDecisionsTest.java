package io.imsconnect.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imsconnect.core.mapping.MappingDecision.Outcome;
import io.imsconnect.core.mapping.ProfileMapping.Status;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.MaskSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

class MappingDecisionsTest {

    private static final AssociationMask MASK =
            AssociationMask.compile(new MaskSettings("Campaign - acme - (.*)", false));
    private static final AssociationMask MASK_IGNORING_CASE =
            AssociationMask.compile(new MaskSettings("Campaign - acme - (.*)", true));
    private static final Set<String> GROUPS =
            Set.of("admin", "delivery", "operation", "workflow", "workflowSupervisor");

    @Nested
    class Preview {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} {2}")
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "Campaign - acme - delivery|MAPPED|delivery",
            "Campaign - acme -  delivery  |MAPPED|delivery",
            " Campaign - acme - workflowSupervisor|MAPPED|workflowSupervisor",
            "Campaign - acme - Delivery|UNKNOWN_GROUP|Delivery",
            "Campaign - acme - deliveyr|UNKNOWN_GROUP|deliveyr",
            "Campaign - acme - report|UNKNOWN_GROUP|report",
            "'Campaign - acme - '|EMPTY_CAPTURE|''",
            "'Campaign - acme -    '|EMPTY_CAPTURE|''",
            "campaign - acme - delivery|NO_MATCH|NONE",
            "Campaign - globex - delivery|NO_MATCH|NONE",
            "Analytics - acme - delivery|NO_MATCH|NONE",
            "C\u0430mpaign - acme - delivery|NO_MATCH|NONE",
            "''|NO_MATCH|NONE",
        })
        void previewWhenOneProfileThenRow(String profile, Status status, String captured) {
            assertThat(MappingDecisions.preview(MASK, List.of(profile), GROUPS))
                    .containsExactly(new ProfileMapping(profile, status, captured));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} {2}")
        @CsvSource(delimiter = '|', value = {
            "campaign - ACME - delivery|MAPPED|delivery",
            "CAMPAIGN - acme - Delivery|UNKNOWN_GROUP|Delivery",
        })
        void previewWhenIgnoresCaseThenGroupLookupStillExact(String profile, Status status,
                String captured) {
            assertThat(MappingDecisions.preview(MASK_IGNORING_CASE, List.of(profile), GROUPS))
                    .containsExactly(new ProfileMapping(profile, status, captured));
        }

        @Test
        void previewWhenOptionalGroupDidNotTakePartThenEmptyCapture() {
            AssociationMask mask = AssociationMask.compile(
                    new MaskSettings("Campaign - (\\w+)?x", false));

            assertThat(MappingDecisions.preview(mask, List.of("Campaign - x"), GROUPS))
                    .containsExactly(new ProfileMapping("Campaign - x", Status.EMPTY_CAPTURE, ""));
        }

        @Test
        void previewWhenProfileNameOverLimitThenTooLong() {
            String name = "Campaign - acme - " + "x".repeat(AssociationMask.MAX_PROFILE_NAME_LENGTH);

            assertThat(MappingDecisions.preview(MASK, List.of(name), GROUPS))
                    .containsExactly(new ProfileMapping(name, Status.TOO_LONG, null));
        }

        @Test
        void previewWhenDuplicatesThenOnceEachInInputOrder() {
            List<String> profiles = List.of("Campaign - acme - workflow", "Other",
                    "Campaign - acme - admin", "Campaign - acme - workflow", "Other");

            assertThat(MappingDecisions.preview(MASK, profiles, GROUPS))
                    .extracting(ProfileMapping::profileName)
                    .containsExactly("Campaign - acme - workflow", "Other", "Campaign - acme - admin");
        }

        @Test
        void previewWhenNoProfilesThenNoRows() {
            assertThat(MappingDecisions.preview(MASK, List.of(), GROUPS)).isEmpty();
        }

        @Test
        void previewWhenProfileNameNullThenThrows() {
            List<String> profiles = Arrays.asList("Campaign - acme - admin", null);

            assertThatNullPointerException()
                    .isThrownBy(() -> MappingDecisions.preview(MASK, profiles, GROUPS));
        }

        @Test
        void previewWhenResultModifiedThenThrows() {
            List<ProfileMapping> rows =
                    MappingDecisions.preview(MASK, List.of("Campaign - acme - admin"), GROUPS);

            assertThatThrownBy(rows::clear).isInstanceOf(UnsupportedOperationException.class);
        }
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
            MappingDecision decision = MappingDecisions.decide(MASK, org, profiles, GROUPS);

            assertThat(decision.outcome()).isEqualTo(outcome);
            assertThat(decision.groups()).containsExactlyElementsOf(new TreeSet<>(groups));
            assertThat(decision.allowed()).isEqualTo(outcome == Outcome.ALLOWED);
        }

        @Test
        void decideWhenNotMemberThenDiagnosticsKept() {
            List<String> profiles = List.of("Campaign - acme - delivery", "Analytics");

            MappingDecision decision =
                    MappingDecisions.decide(MASK, OrgCheck.NOT_MEMBER, profiles, GROUPS);

            assertThat(decision.perProfile()).containsExactly(
                    new ProfileMapping("Campaign - acme - delivery", Status.MAPPED, "delivery"),
                    new ProfileMapping("Analytics", Status.NO_MATCH, null));
        }

        @Test
        void decideWhenNoMatchingGroupThenDiagnosticsKept() {
            List<String> profiles = List.of("Campaign - acme - report", "Campaign - acme - ");

            MappingDecision decision =
                    MappingDecisions.decide(MASK, OrgCheck.MEMBER, profiles, GROUPS);

            assertThat(decision.perProfile()).extracting(ProfileMapping::status)
                    .containsExactly(Status.UNKNOWN_GROUP, Status.EMPTY_CAPTURE);
        }

        @Test
        void decideWhenTwoProfilesNameSameGroupThenGroupOnceAndBothRowsMapped() {
            AssociationMask mask = AssociationMask.compile(
                    new MaskSettings("Campaign - (?:acme|acme-eu) - (.*)", false));
            List<String> profiles = List.of("Campaign - acme - delivery", "Campaign - acme-eu - delivery");

            MappingDecision decision = MappingDecisions.decide(mask, OrgCheck.MEMBER, profiles, GROUPS);

            assertThat(decision.groups()).containsExactly("delivery");
            assertThat(decision.perProfile()).extracting(ProfileMapping::status)
                    .containsExactly(Status.MAPPED, Status.MAPPED);
        }

        @Test
        void decideWhenAllowedThenGroupsSorted() {
            List<String> profiles = List.of("Campaign - acme - workflow", "Campaign - acme - admin",
                    "Campaign - acme - delivery");

            MappingDecision decision = MappingDecisions.decide(MASK, OrgCheck.MEMBER, profiles, GROUPS);

            assertThat(decision.groups()).containsExactly("admin", "delivery", "workflow");
        }

        @Test
        void decideWhenOrgNullThenThrows() {
            assertThatNullPointerException()
                    .isThrownBy(() -> MappingDecisions.decide(MASK, null, List.of(), GROUPS));
        }

        @Test
        void noMatchingRightMessageWhenReadThenCampaignWording() {
            assertThat(MappingDecisions.NO_MATCHING_RIGHT_MESSAGE)
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

            MappingDecision decision = new MappingDecision(Outcome.ALLOWED, groups, rows);
            groups.add("admin");
            rows.clear();

            assertThat(decision.groups()).containsExactly("delivery");
            assertThat(decision.perProfile()).hasSize(1);
        }

        @Test
        void groupsWhenModifiedThenThrows() {
            MappingDecision decision = new MappingDecision(Outcome.ALLOWED, Set.of("delivery"), List.of());

            assertThatThrownBy(() -> decision.groups().add("admin"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void constructorWhenAllowedWithoutGroupsThenThrows() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new MappingDecision(Outcome.ALLOWED, Set.of(), List.of()));
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = "ALLOWED", mode = EnumSource.Mode.EXCLUDE)
        void constructorWhenRefusedWithGroupsThenThrows(Outcome outcome) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new MappingDecision(outcome, Set.of("delivery"), List.of()));
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
}
