package io.imsconnect.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssociationMaskTest {

    private static final String CAMPAIGN_MASK = "Campaign - acme - (.*)";

    private static AssociationMask mask(String pattern, boolean ignoresCase) {
        return AssociationMask.compile(new MaskSettings(pattern, ignoresCase));
    }

    private static InvalidMaskException compileError(String pattern) {
        return catchThrowableOfType(() -> mask(pattern, false), InvalidMaskException.class);
    }

    @Nested
    class Settings {

        @Test
        void constructorWhenPatternNullThenThrows() {
            assertThatNullPointerException().isThrownBy(() -> new MaskSettings(null, true));
        }

        @Test
        void compileWhenValidThenKeepsSettings() {
            MaskSettings settings = new MaskSettings(CAMPAIGN_MASK, true);

            AssociationMask mask = AssociationMask.compile(settings);

            assertThat(mask.settings()).isEqualTo(settings);
            assertThat(mask.pattern()).isEqualTo(CAMPAIGN_MASK);
        }

        @Test
        void compileWhenSettingsNullThenThrows() {
            assertThatNullPointerException().isThrownBy(() -> AssociationMask.compile(null));
        }
    }

    @Nested
    class Capture {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
        @CsvSource(delimiter = '|', nullValues = "NONE", ignoreLeadingAndTrailingWhitespace = false, value = {
            "Campaign - acme - delivery|delivery",
            "Campaign - acme - workflowSupervisor|workflowSupervisor",
            "Campaign - acme - Delivery|Delivery",
            "Campaign - acme -  delivery |delivery",
            "  Campaign - acme - delivery|delivery",
            "Campaign - acme - delivery\t|delivery",
            "Campaign - acme - |''",
            "Campaign - acme -    |''",
            "Campaign - acme - delivery - extra|delivery - extra",
            "Old Campaign - acme - delivery|NONE",
            "Campaign - acme|NONE",
            "campaign - acme - delivery|NONE",
            "CAMPAIGN - ACME - delivery|NONE",
            "Campaign-acme-delivery|NONE",
            "Campaign - acmé - delivery|NONE",
            "|NONE",
        })
        void captureWhenCaseSensitiveThenFullMatchGroupOneStripped(String profile, String expected) {
            assertThat(mask(CAMPAIGN_MASK, false).capture(profile == null ? "" : profile))
                    .isEqualTo(Optional.ofNullable(expected));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "Campaign - acme - delivery|delivery",
            "campaign - acme - delivery|delivery",
            "CAMPAIGN - ACME - delivery|delivery",
            "campaign - ACME - Delivery|Delivery",
            "cAMPAIGN - aCmE - DELIVERY|DELIVERY",
            "Old campaign - acme - delivery|NONE",
        })
        void captureWhenIgnoresCaseThenLiteralPartAnyCaseAndCaptureKeepsItsCase(
                String profile, String expected) {
            assertThat(mask(CAMPAIGN_MASK, true).capture(profile))
                    .isEqualTo(Optional.ofNullable(expected));
        }

        @ParameterizedTest(name = "[{index}] ignoresCase={1} \"{0}\"")
        @CsvSource(delimiter = '|', value = {
            // Cyrillic а (U+0430) in "Cаmpaign"
            "C\u0430mpaign - acme - delivery|false",
            "C\u0430mpaign - acme - delivery|true",
            // Cyrillic е (U+0435) in "acme"
            "Campaign - acm\u0435 - delivery|true",
            // Greek capital alpha (U+0391)
            "C\u0391MPAIGN - ACME - delivery|true",
            // fullwidth letters
            "\uFF23ampaign - acme - delivery|true",
        })
        void captureWhenUnicodeLookAlikeThenNoMatch(String profile, boolean ignoresCase) {
            assertThat(mask(CAMPAIGN_MASK, ignoresCase).capture(profile)).isEmpty();
        }

        @Test
        void captureWhenLookAlikeInsideCaptureThenKeptAsWritten() {
            assertThat(mask(CAMPAIGN_MASK, false).capture("Campaign - acme - d\u0435livery"))
                    .contains("d\u0435livery")
                    .isNotEqualTo(Optional.of("delivery"));
        }

        @ParameterizedTest(name = "[{index}] {0} on \"{1}\" -> \"{2}\"")
        @CsvSource(delimiter = ';', nullValues = "NONE", value = {
            "Campaign - (?:acme|globex) - (\\w+);Campaign - globex - report;report",
            "Campaign - ((acme) - (\\w+));Campaign - acme - report;acme - report",
            "Campaign(?: - acme)? - (\\w+);Campaign - report;report",
            "Campaign - (\\w+)(?: \\(EU\\))?;Campaign - offer (EU);offer",
            "Campaign - (\\w+)?x;Campaign - x;NONE",
            "Campaign - (?P<group>\\w+);Campaign - central;central",
            "(?i)campaign - (\\w+);CAMPAIGN - local;local",
            "Campaign - (a|b)|Other - (c);Other - c;NONE",
        })
        void captureWhenNestedOrOptionalGroupsThenGroupOne(String pattern, String profile,
                String expected) {
            assertThat(mask(pattern, false).capture(profile)).isEqualTo(Optional.ofNullable(expected));
        }

        @Test
        void captureWhenNameSpansLinesThenNoMatch() {
            assertThat(mask(CAMPAIGN_MASK, false).capture("Campaign - acme - a\nb")).isEmpty();
        }

        @Test
        void matchesWhenOptionalGroupDidNotTakePartThenTrueButNoCapture() {
            AssociationMask mask = mask("Campaign - (\\w+)?x", false);

            assertThat(mask.matches("Campaign - x")).isTrue();
            assertThat(mask.capture("Campaign - x")).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Campaign - acme - delivery|true",
            " Campaign - acme - delivery |true",
            "Old Campaign - acme - delivery|false",
            "'Campaign - acme - '|true",
        })
        void matchesWhenCalledThenWholeNameAsWrittenOrStripped(String profile, boolean expected) {
            assertThat(mask(CAMPAIGN_MASK, false).matches(profile)).isEqualTo(expected);
        }

        @Test
        void captureWhenProfileNameNullThenThrows() {
            assertThatNullPointerException().isThrownBy(() -> mask(CAMPAIGN_MASK, false).capture(null));
        }

        @Test
        void captureWhenProfileNameAtLimitThenMatches() {
            String name = "Campaign - acme - " + "d".repeat(AssociationMask.MAX_PROFILE_NAME_LENGTH - 18);

            assertThat(name).hasSize(AssociationMask.MAX_PROFILE_NAME_LENGTH);
            assertThat(mask(CAMPAIGN_MASK, false).capture(name)).isPresent();
        }

        @Test
        void captureWhenProfileNameOverLimitThenNoMatch() {
            String name = "Campaign - acme - " + "d".repeat(AssociationMask.MAX_PROFILE_NAME_LENGTH);
            AssociationMask mask = mask(CAMPAIGN_MASK, false);

            assertThat(mask.capture(name)).isEmpty();
            assertThat(mask.matches(name)).isFalse();
        }
    }

    @Nested
    class HostilePatterns {

        // RE2/J runs in time linear in the input; these patterns backtrack exponentially in
        // java.util.regex. Finishing at all is the assertion.
        @ParameterizedTest
        @ValueSource(strings = {"(a+)+$", "(a|a)*b", "(a*)*b", "((a|aa)+)+c", "(.*a){20}(x)"})
        void captureWhenHostilePatternOnLongNameThenAnswers(String pattern) {
            String name = "a".repeat(AssociationMask.MAX_PROFILE_NAME_LENGTH - 1) + "!";

            assertThat(mask(pattern, false).capture(name)).isEmpty();
        }

        @Test
        void captureWhenHostilePatternMatchesThenCaptures() {
            String name = "a".repeat(AssociationMask.MAX_PROFILE_NAME_LENGTH);

            assertThat(mask("(a+)+$", true).capture(name)).contains(name);
        }
    }

    @Nested
    class Invalid {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\n"})
        void compileWhenBlankThenBlankCode(String pattern) {
            InvalidMaskException error = compileError(pattern);

            assertThat(error.code()).isEqualTo(InvalidMaskException.BLANK);
            assertThat(error.position()).isEqualTo(InvalidMaskException.UNKNOWN_POSITION);
        }

        @Test
        void compileWhenAtLengthLimitThenCompiles() {
            String pattern = "(" + "x".repeat(AssociationMask.MAX_PATTERN_LENGTH - 2) + ")";

            assertThat(mask(pattern, false).pattern()).hasSize(AssociationMask.MAX_PATTERN_LENGTH);
        }

        @Test
        void compileWhenOverLengthLimitThenTooLongCode() {
            String pattern = "(" + "x".repeat(AssociationMask.MAX_PATTERN_LENGTH - 1) + ")";

            InvalidMaskException error = compileError(pattern);

            assertThat(error.code()).isEqualTo(InvalidMaskException.TOO_LONG);
            assertThat(error.position()).isEqualTo(AssociationMask.MAX_PATTERN_LENGTH);
            assertThat(error.getMessage()).contains(String.valueOf(AssociationMask.MAX_PATTERN_LENGTH));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Campaign - acme - .*", "Campaign - (?:acme) - .*", "\\(x\\)", "[(]x[)]"})
        void compileWhenNoCaptureGroupThenNoCaptureGroupCode(String pattern) {
            assertThat(compileError(pattern).code()).isEqualTo(InvalidMaskException.NO_CAPTURE_GROUP);
        }

        @ParameterizedTest(name = "[{index}] {0} -> index {1}")
        @CsvSource(delimiter = '|', value = {
            "Campaign - (.*|14",
            "Campaign - .*)|13",
            "(a)b)c|4",
            "[)](a))|6",
            "(x)[b|3",
            "(x)a**|4",
            "(x){2,1}|3",
            "Campaign - \\q(.*)|11",
            "(x)(?!y)|3",
            "(x)[z-a]|4",
            "(x)\\|3",
            "(?P<>x)|0",
            "(x)\\pX|3",
        })
        void compileWhenSyntaxErrorThenSyntaxCodeWithPosition(String pattern, int position) {
            InvalidMaskException error = compileError(pattern);

            assertThat(error.code()).isEqualTo(InvalidMaskException.SYNTAX);
            assertThat(error.position()).isEqualTo(position);
            assertThat(error.getMessage()).contains("index " + position);
        }

        @Test
        void compileWhenUnmatchedClosingParenthesisThenSaysUnexpected() {
            assertThat(compileError("Campaign - .*)").getMessage()).contains("unexpected )");
        }

        @Test
        void compileWhenSyntaxErrorWithIgnoresCaseThenSamePosition() {
            InvalidMaskException error = catchThrowableOfType(
                    () -> mask("(x)[b", true), InvalidMaskException.class);

            assertThat(error.code()).isEqualTo(InvalidMaskException.SYNTAX);
            assertThat(error.position()).isEqualTo(3);
        }
    }
}
