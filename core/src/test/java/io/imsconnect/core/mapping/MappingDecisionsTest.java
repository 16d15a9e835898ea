package io.imsconnect.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imsconnect.core.mapping.ProfileMapping.Status;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.MaskSettings;

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
}
