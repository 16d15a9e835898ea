package io.imsconnect.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.imsconnect.core.mask.InvalidMaskException;

class AccountValidatorTest {

    private static List<FieldViolation> validate(AccountSettingsBuilder settings) {
        return AccountValidator.validate(settings.build(), false);
    }

    /** Asserts the settings break exactly one rule, on the field, with the code. */
    private static void assertOnlyViolation(List<FieldViolation> violations, String field, String code) {
        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(tuple(field, code));
    }

    @Nested
    class WholeAccount {

        @Test
        void validateWhenCompleteAdobeAccountThenNoViolation() {
            assertThat(validate(AccountFixtures.adobe())).isEmpty();
        }

        @Test
        void validateWhenCompleteOidcAccountThenNoViolation() {
            assertThat(validate(AccountFixtures.oidc())).isEmpty();
        }

        @Test
        void validateWhenBuilderDefaultsThenNoViolation() {
            assertThat(validate(AccountSettings.builder())).isEmpty();
        }

        @Test
        void validateWhenManyFieldsWrongThenAllReportedInFieldOrder() {
            AccountSettingsBuilder settings = AccountFixtures.adobe()
                    .internalName("1st")
                    .imsServer("http://ims-na1.adobelogin.com")
                    .imsScope(List.of("open id"))
                    .imsClientId(null)
                    .imsClientSecretSet(false)
                    .callbackServer("https://campaign.example.com?x")
                    .imsOrganizationId("acme")
                    .associationMask("Campaign - (.*")
                    .directoryServer("ftp://usermanagement.adobe.io");

            assertThat(validate(settings)).extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(
                            tuple("internalName", AccountValidator.INTERNAL_NAME_INVALID),
                            tuple("imsServer", AccountValidator.URL_NOT_HTTPS),
                            tuple("imsScope", AccountValidator.SCOPE_INVALID),
                            tuple("imsClientId", AccountValidator.REQUIRED_WHEN_ENABLED),
                            tuple("imsClientSecret", AccountValidator.REQUIRED_WHEN_ENABLED),
                            tuple("callbackServer", AccountValidator.URL_QUERY),
                            tuple("imsOrganizationId", AccountValidator.ORGANIZATION_ID_INVALID),
                            tuple("associationMask", InvalidMaskException.SYNTAX),
                            tuple("directoryServer", AccountValidator.URL_NOT_HTTPS));
        }

        @Test
        void validateWhenFieldBreaksSeveralRulesThenOneViolationForIt() {
            AccountSettingsBuilder settings = AccountFixtures.adobe()
                    .callbackServer("http://user@campaign.example.com?x#y");

            assertOnlyViolation(validate(settings), "callbackServer", AccountValidator.URL_USER_INFO);
        }

        @Test
        void validateWhenViolationsThenMessagesNonBlank() {
            AccountSettings settings = AccountFixtures.adobe().internalName(null).label("x".repeat(300))
                    .type(null).callbackServer("nope").build();

            assertThat(AccountValidator.validate(settings, false))
                    .hasSize(4)
                    .allSatisfy(violation -> assertThat(violation.message()).isNotBlank());
        }
    }

    @Nested
    class InternalName {

        @ParameterizedTest
        @ValueSource(strings = {"Adobe_Marketing_Cloud", "a", "Z", "sso2", "A_1_b_",
            "a123456789012345678901234567890123456789012345678901234567890123"})
        void validateWhenValidInternalNameThenNoViolation(String name) {
            assertThat(validate(AccountFixtures.adobe().internalName(name))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1abc", "_abc", "a-b", "a b", "a.b", "\u00e9t\u00e9", "Adobe_Marketing_Cloud ",
            "a/b", "a1234567890123456789012345678901234567890123456789012345678901234"})
        void validateWhenInvalidInternalNameThenInvalidCode(String name) {
            assertOnlyViolation(validate(AccountFixtures.adobe().internalName(name)),
                    "internalName", AccountValidator.INTERNAL_NAME_INVALID);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void validateWhenInternalNameMissingThenRequired(String name) {
            assertOnlyViolation(validate(AccountFixtures.adobe().internalName(name).enabled(false)),
                    "internalName", AccountValidator.REQUIRED);
        }
    }

    @Nested
    class Type {

        @Test
        void validateWhenTypeMissingThenRequired() {
            assertOnlyViolation(validate(AccountFixtures.adobe().type(null)),
                    "type", AccountValidator.REQUIRED);
        }
    }

    @Nested
    class Urls {

        static Stream<String> urlFields() {
            return Stream.of("imsServer", "callbackServer", "server", "directoryServer");
        }

        static AccountSettingsBuilder withUrl(String field, String url) {
            AccountSettingsBuilder settings = AccountFixtures.adobe();
            return switch (field) {
                case "imsServer" -> settings.imsServer(url);
                case "callbackServer" -> settings.callbackServer(url);
                case "server" -> settings.server(url);
                case "directoryServer" -> settings.directoryServer(url);
                default -> throw new IllegalArgumentException(field);
            };
        }

        static Stream<Arguments> cases() {
            String longPath = "https://campaign.example.com/";
            return Stream.of(
                    Arguments.of("https://campaign.example.com", false, null),
                    Arguments.of("https://campaign.example.com/", false, null),
                    Arguments.of("https://campaign.example.com:8443/neolane", false, null),
                    Arguments.of("HTTPS://Campaign.Example.com", false, null),
                    Arguments.of("https://192.0.2.10", false, null),
                    Arguments.of("https://[2001:db8::1]:8443", false, null),
                    Arguments.of("https://localhost:8443", false, null),
                    Arguments.of("http://campaign.example.com", false, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://campaign.example.com", true, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://localhost:8080", true, null),
                    Arguments.of("http://LocalHost:8080/", true, null),
                    Arguments.of("http://localhost:8080", false, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://127.0.0.1:8080", true, null),
                    Arguments.of("http://127.255.255.254", true, null),
                    Arguments.of("http://127.0.0.1:8080", false, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://[::1]:8080", true, null),
                    Arguments.of("http://[0:0:0:0:0:0:0:1]", true, null),
                    Arguments.of("http://[::1]:8080", false, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://127.0.0.256", true, AccountValidator.URL_INVALID),
                    Arguments.of("http://128.0.0.1", true, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://0.0.0.0", true, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://localhost.example.com", true, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("http://127.0.0.1.example.com", true, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("ftp://campaign.example.com", true, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("javascript://campaign.example.com", false, AccountValidator.URL_NOT_HTTPS),
                    Arguments.of("https://user:secret@campaign.example.com", false, AccountValidator.URL_USER_INFO),
                    Arguments.of("http://user@localhost", true, AccountValidator.URL_USER_INFO),
                    Arguments.of("https://campaign.example.com/?a=1", false, AccountValidator.URL_QUERY),
                    Arguments.of("https://campaign.example.com?", false, AccountValidator.URL_QUERY),
                    Arguments.of("https://campaign.example.com/#top", false, AccountValidator.URL_FRAGMENT),
                    Arguments.of("https://campaign.example.com#", false, AccountValidator.URL_FRAGMENT),
                    Arguments.of("campaign.example.com", false, AccountValidator.URL_INVALID),
                    Arguments.of("/neolane", false, AccountValidator.URL_INVALID),
                    Arguments.of("mailto:admin@example.com", false, AccountValidator.URL_INVALID),
                    Arguments.of("https:///neolane", false, AccountValidator.URL_INVALID),
                    Arguments.of("https://", false, AccountValidator.URL_INVALID),
                    Arguments.of("https://under_score.example.com", false, AccountValidator.URL_INVALID),
                    Arguments.of("https://campaign example.com", false, AccountValidator.URL_INVALID),
                    Arguments.of(" https://campaign.example.com", false, AccountValidator.URL_INVALID),
                    Arguments.of(longPath + "x".repeat(AccountValidator.MAX_URL_LENGTH - longPath.length()),
                            false, null),
                    Arguments.of(longPath + "x".repeat(AccountValidator.MAX_URL_LENGTH - longPath.length() + 1),
                            false, AccountValidator.TOO_LONG));
        }

        static Stream<Arguments> fieldsAndCases() {
            return urlFields().flatMap(field -> cases().map(c -> {
                Object[] args = c.get();
                return Arguments.of(field, args[0], args[1], args[2]);
            }));
        }

        @ParameterizedTest(name = "[{index}] {0}={1} insecureLoopback={2} -> {3}")
        @MethodSource("fieldsAndCases")
        void validateWhenUrlThenCodeOrNone(String field, String url, boolean allowInsecureLoopback,
                String code) {
            List<FieldViolation> violations =
                    AccountValidator.validate(withUrl(field, url).build(), allowInsecureLoopback);

            if (code == null) {
                assertThat(violations).isEmpty();
            } else {
                assertOnlyViolation(violations, field, code);
            }
        }

        @Test
        void validateWhenCallbackServerNotHttpsThenMessageNamesTheFix() {
            List<FieldViolation> violations =
                    validate(AccountFixtures.adobe().callbackServer("http://campaign.example.com"));

            assertThat(violations).singleElement().extracting(FieldViolation::message)
                    .isEqualTo("must be an absolute https URL such as https://campaign.example.com"
                            + " (plain http is allowed only for localhost when insecure loopback is"
                            + " enabled)");
        }

        @ParameterizedTest
        @MethodSource("urlFields")
        void validateWhenOptionalOrDisabledUrlMissingThenNoViolation(String field) {
            assertThat(AccountValidator.validate(withUrl(field, null).enabled(false).build(), false))
                    .isEmpty();
        }
    }

    @Nested
    class RequiredWhenEnabled {

        static Arguments missing(String field, UnaryOperator<AccountSettingsBuilder> change) {
            return Arguments.of(field, change);
        }

        static Stream<Arguments> adobeRequired() {
            return Stream.of(
                    missing("imsServer", b -> b.imsServer(null)),
                    missing("imsServer", b -> b.imsServer(" ")),
                    missing("imsClientId", b -> b.imsClientId(null)),
                    missing("imsClientId", b -> b.imsClientId("")),
                    missing("imsClientSecret", b -> b.imsClientSecretSet(false)),
                    missing("callbackServer", b -> b.callbackServer(null)),
                    missing("imsOrganizationId", b -> b.imsOrganizationId(null)),
                    missing("associationMask", b -> b.associationMask(null)),
                    missing("associationMask", b -> b.associationMask("   ")));
        }

        static Stream<Arguments> oidcRequired() {
            return Stream.of(
                    missing("imsServer", b -> b.imsServer(null)),
                    missing("imsClientId", b -> b.imsClientId(null)),
                    missing("imsClientSecret", b -> b.imsClientSecretSet(false)),
                    missing("callbackServer", b -> b.callbackServer(null)),
                    missing("associationMask", b -> b.associationMask(null)),
                    missing("groupsClaim", b -> b.groupsClaim(null)),
                    missing("organizationClaim", b -> b.imsOrganizationId("acme").organizationClaim(null)));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("adobeRequired")
        void validateWhenAdobeEnabledAndFieldMissingThenRequiredWhenEnabled(String field,
                UnaryOperator<AccountSettingsBuilder> change) {
            List<FieldViolation> violations = validate(change.apply(AccountFixtures.adobe()));

            assertOnlyViolation(violations, field, AccountValidator.REQUIRED_WHEN_ENABLED);
            assertThat(violations.get(0).message()).isEqualTo("is required before the account can be enabled");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("adobeRequired")
        void validateWhenAdobeDisabledAndFieldMissingThenNoViolation(String field,
                UnaryOperator<AccountSettingsBuilder> change) {
            assertThat(validate(change.apply(AccountFixtures.adobe().enabled(false)))).isEmpty();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("oidcRequired")
        void validateWhenOidcEnabledAndFieldMissingThenRequiredWhenEnabled(String field,
                UnaryOperator<AccountSettingsBuilder> change) {
            assertOnlyViolation(validate(change.apply(AccountFixtures.oidc())),
                    field, AccountValidator.REQUIRED_WHEN_ENABLED);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("oidcRequired")
        void validateWhenOidcDisabledAndFieldMissingThenNoViolation(String field,
                UnaryOperator<AccountSettingsBuilder> change) {
            assertThat(validate(change.apply(AccountFixtures.oidc().enabled(false)))).isEmpty();
        }

        @Test
        void validateWhenOidcEnabledWithoutOrganizationThenOrganizationNotRequired() {
            assertThat(validate(AccountFixtures.oidc().imsOrganizationId(null).organizationClaim(null)))
                    .isEmpty();
        }

        @Test
        void validateWhenAdobeEnabledWithoutDirectoryThenNoViolation() {
            AccountSettingsBuilder settings = AccountFixtures.adobe().server(null).tenant(null)
                    .productContext(null).directoryServer(null).directoryClientId(null)
                    .directoryClientSecretSet(false);

            assertThat(validate(settings)).isEmpty();
        }
    }

    @Nested
    class OrganizationId {

        @ParameterizedTest
        @ValueSource(strings = {"A495E53C0123456789ABCDEF@AdobeOrg", "a495e53c0123456789abcdef@AdobeOrg",
            "000000000000000000000000@AdobeOrg"})
        void validateWhenAdobeOrganizationIdWellFormedThenNoViolation(String id) {
            assertThat(validate(AccountFixtures.adobe().imsOrganizationId(id))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"A495E53C0123456789ABCDE@AdobeOrg", "A495E53C0123456789ABCDEF0@AdobeOrg",
            "G495E53C0123456789ABCDEF@AdobeOrg", "A495E53C0123456789ABCDEF@adobeorg",
            "A495E53C0123456789ABCDEF", "A495E53C0123456789ABCDEF@AdobeOrg ", "acme",
            "A495E53C0123456789ABCDEF@AdobeID", "A495E53C-0123-4567-89AB@AdobeOrg"})
        void validateWhenAdobeOrganizationIdMalformedThenInvalidCode(String id) {
            assertOnlyViolation(validate(AccountFixtures.adobe().imsOrganizationId(id)),
                    "imsOrganizationId", AccountValidator.ORGANIZATION_ID_INVALID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"acme", "A495E53C0123456789ABCDEF@AdobeOrg", "d3b07384-d9a0-4c9b-8a4e"})
        void validateWhenOidcOrganizationIdAnyTextThenNoViolation(String id) {
            assertThat(validate(AccountFixtures.oidc().imsOrganizationId(id).organizationClaim("org")))
                    .isEmpty();
        }

        @Test
        void validateWhenOidcOrganizationIdTooLongThenTooLong() {
            AccountSettingsBuilder settings = AccountFixtures.oidc()
                    .imsOrganizationId("o".repeat(AccountValidator.MAX_TEXT_LENGTH + 1)).organizationClaim("org");

            assertOnlyViolation(validate(settings), "imsOrganizationId", AccountValidator.TOO_LONG);
        }
    }

    @Nested
    class Scope {

        @Test
        void validateWhenDefaultScopeThenNoViolation() {
            assertThat(validate(AccountFixtures.adobe().imsScope(AccountSettings.DEFAULT_IMS_SCOPE)))
                    .isEmpty();
        }

        @Test
        void validateWhenScopeAbsentOrEmptyThenNoViolation() {
            assertThat(validate(AccountFixtures.adobe().imsScope(null))).isEmpty();
            assertThat(validate(AccountFixtures.adobe().imsScope(List.of()))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"open id", "", "a\"b", "a\\b", "caf\u00e9", "tab\there"})
        void validateWhenScopeTokenInvalidThenInvalidCode(String token) {
            assertOnlyViolation(validate(AccountFixtures.adobe().imsScope(List.of("openid", token))),
                    "imsScope", AccountValidator.SCOPE_INVALID);
        }

        @Test
        void validateWhenScopesTooLongTogetherThenTooLong() {
            List<String> scopes = List.of("a".repeat(1024), "b".repeat(1024));

            assertOnlyViolation(validate(AccountFixtures.adobe().imsScope(scopes)),
                    "imsScope", AccountValidator.TOO_LONG);
        }
    }

    @Nested
    class Mask {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"Campaign - acme - (.*)|true", "Campaign - acme - (.*)|false",
            "(?i)campaign - (\\w+)|false"})
        void validateWhenMaskCompilesThenNoViolation(String mask, boolean ignoresCase) {
            assertThat(validate(AccountFixtures.adobe().associationMask(mask).maskIgnoresCase(ignoresCase)))
                    .isEmpty();
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "Campaign - (.*|mask.syntax",
            "Campaign - acme - [a-|mask.syntax",
            "Campaign - acme - .*|mask.noCaptureGroup",
        })
        void validateWhenMaskInvalidThenMaskCode(String mask, String code) {
            assertOnlyViolation(validate(AccountFixtures.adobe().associationMask(mask)), "associationMask", code);
        }

        @Test
        void validateWhenMaskTooLongThenMaskTooLong() {
            String mask = "(" + "x".repeat(1000) + ")";

            assertOnlyViolation(validate(AccountFixtures.adobe().associationMask(mask)),
                    "associationMask", InvalidMaskException.TOO_LONG);
        }

        @Test
        void validateWhenMaskSyntaxErrorThenMessageGivesPosition() {
            List<FieldViolation> violations =
                    validate(AccountFixtures.adobe().associationMask("Campaign - (.*"));

            assertThat(violations).singleElement().extracting(FieldViolation::message)
                    .asString().contains("index 14");
        }

        @Test
        void validateWhenMaskInvalidAndDisabledThenStillRefused() {
            assertOnlyViolation(validate(AccountFixtures.adobe().enabled(false).associationMask("(")),
                    "associationMask", InvalidMaskException.SYNTAX);
        }
    }

    @Nested
    class Lengths {

        static Stream<Arguments> textFields() {
            return Stream.of(
                    Arguments.of("label", (FieldSetter) AccountSettingsBuilder::label),
                    Arguments.of("imsClientId", (FieldSetter) AccountSettingsBuilder::imsClientId),
                    Arguments.of("tenant", (FieldSetter) AccountSettingsBuilder::tenant),
                    Arguments.of("productContext", (FieldSetter) AccountSettingsBuilder::productContext),
                    Arguments.of("directoryClientId", (FieldSetter) AccountSettingsBuilder::directoryClientId),
                    Arguments.of("groupsClaim", (FieldSetter) AccountSettingsBuilder::groupsClaim),
                    Arguments.of("organizationClaim", (FieldSetter) AccountSettingsBuilder::organizationClaim));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("textFields")
        void validateWhenTextAtLimitThenNoViolation(String field, FieldSetter setter) {
            AccountSettingsBuilder settings =
                    setter.set(AccountFixtures.adobe(), "x".repeat(AccountValidator.MAX_TEXT_LENGTH));

            assertThat(validate(settings)).isEmpty();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("textFields")
        void validateWhenTextOverLimitThenTooLong(String field, FieldSetter setter) {
            AccountSettingsBuilder settings =
                    setter.set(AccountFixtures.adobe(), "x".repeat(AccountValidator.MAX_TEXT_LENGTH + 1));

            assertOnlyViolation(validate(settings), field, AccountValidator.TOO_LONG);
        }
    }

    @Nested
    class ControlCharacter {

        static Stream<Arguments> freeTextFields() {
            return Stream.concat(Lengths.textFields(), Stream.of(
                    Arguments.of("imsServer", (FieldSetter) AccountSettingsBuilder::imsServer),
                    Arguments.of("callbackServer", (FieldSetter) AccountSettingsBuilder::callbackServer),
                    Arguments.of("server", (FieldSetter) AccountSettingsBuilder::server),
                    Arguments.of("directoryServer", (FieldSetter) AccountSettingsBuilder::directoryServer),
                    Arguments.of("issuer", (FieldSetter) AccountSettingsBuilder::issuer),
                    Arguments.of("imsOrganizationId", (FieldSetter) AccountSettingsBuilder::imsOrganizationId),
                    Arguments.of("associationMask", (FieldSetter) AccountSettingsBuilder::associationMask)));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("freeTextFields")
        void validateWhenFieldHoldsBidiOverrideThenControlCharacter(String field, FieldSetter setter) {
            AccountSettingsBuilder settings = setter.set(AccountFixtures.oidc().enabled(false), "https://a\u202Eexample.com");

            assertOnlyViolation(validate(settings), field, AccountValidator.CONTROL_CHARACTER);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("freeTextFields")
        void validateWhenFieldHoldsNulThenControlCharacter(String field, FieldSetter setter) {
            AccountSettingsBuilder settings = setter.set(AccountFixtures.oidc().enabled(false), "https://a\u0000.example.com");

            assertOnlyViolation(validate(settings), field, AccountValidator.CONTROL_CHARACTER);
        }
    }

    @FunctionalInterface
    interface FieldSetter {
        AccountSettingsBuilder set(AccountSettingsBuilder builder, String value);
    }

    @Nested
    class SecureEndpoint {

        @ParameterizedTest
        @CsvSource({
                "https://ims-na1.adobelogin.com/ims/token/v3, false, true",
                "http://ims.example.com/token, true, false",
                "http://localhost:9090/ims/token/v3, true, true",
                "http://127.0.0.1:9090/token, false, false",
                "ftp://ims.example.com/token, true, false",
                "/relative/token, true, false" })
        void isSecureEndpointWhenSchemeAndHostThenOnlyHttpsOrAllowedLoopback(String url, boolean allowLoopback,
                boolean secure) {
            assertThat(SecureUrls.isSecureEndpoint(url, allowLoopback)).isEqualTo(secure);
        }
    }

    @Nested
    class Issuer {

        @Test
        void validateWhenIssuerOverrideIsHttpsThenAccepted() {
            assertThat(validate(AccountFixtures.adobe().issuer("https://ims-na1.adobelogin.com/ims"))).isEmpty();
        }

        @Test
        void validateWhenIssuerOverrideIsPlainHttpThenRefusedOnIssuer() {
            assertThat(validate(AccountFixtures.adobe().issuer("http://ims.example.com")))
                    .extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(tuple("issuer", AccountValidator.URL_NOT_HTTPS));
        }
    }

    @Nested
    class ApiTokens {

        @Test
        void validateWhenApiClientIdsGivenThenNoViolation() {
            assertThat(validate(AccountFixtures.adobe().apiClientIds(List.of("scripts", "campaign-s2s")))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = { "two words", "a,b", "quo\"te", "" })
        void validateWhenApiClientIdIsNotOneWordThenInvalid(String id) {
            assertOnlyViolation(validate(AccountFixtures.adobe().apiClientIds(List.of("ok", id))), "apiClientIds",
                    AccountValidator.CLIENT_ID_INVALID);
        }

        @Test
        void validateWhenOidcTakesTokensWithoutAudienceOrIntrospectionThenAudienceRequired() {
            AccountSettingsBuilder settings = AccountFixtures.oidc().apiClientIds(List.of("scripts"));
            assertOnlyViolation(validate(settings), "audience", AccountValidator.REQUIRED_WHEN_ENABLED);
            assertThat(validate(settings.audience("api://campaign"))).isEmpty();
            assertThat(validate(settings.audience(null).introspectionEndpoint("https://login.example.com/i")))
                    .isEmpty();
        }

        @Test
        void validateWhenIntrospectionEndpointIsPlainHttpThenNotHttps() {
            assertOnlyViolation(validate(AccountFixtures.oidc().introspectionEndpoint("http://login.example.com/i")),
                    "introspectionEndpoint", AccountValidator.URL_NOT_HTTPS);
        }
    }

    @Nested
    class DirectorySync {

        @Test
        void validateWhenSyncDefaultsThenEveryTwoHoursCapTenOrFivePercentNoPreCreation() {
            AccountSettings defaults = AccountFixtures.adobe().build();
            assertThat(defaults.syncIntervalMinutes()).isEqualTo(120);
            assertThat(defaults.syncCapOperators()).isEqualTo(10);
            assertThat(defaults.syncCapPercent()).isEqualTo(5);
            assertThat(defaults.syncPreCreate()).isFalse();
            assertThat(AccountValidator.validate(defaults, false)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = { 15, 120, 10080 })
        void validateWhenIntervalFromFifteenMinutesToAWeekThenNoViolation(int minutes) {
            assertThat(validate(AccountFixtures.adobe().syncIntervalMinutes(minutes))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = { 14, 0, -5, 10081 })
        void validateWhenIntervalOutOfRangeThenRangeNamingTheBound(int minutes) {
            List<FieldViolation> violations = validate(AccountFixtures.adobe().syncIntervalMinutes(minutes));
            assertOnlyViolation(violations, "syncIntervalMinutes", AccountValidator.OUT_OF_RANGE);
            assertThat(violations.get(0).message()).contains(minutes < 15 ? "at least 15 minutes" : "at most 10080");
        }

        @Test
        void validateWhenCapPercentOverHundredThenRange() {
            assertOnlyViolation(validate(AccountFixtures.adobe().syncCapPercent(101)), "syncCapPercent",
                    AccountValidator.OUT_OF_RANGE);
        }

        @Test
        void validateWhenCapOperatorsNegativeThenRange() {
            assertOnlyViolation(validate(AccountFixtures.adobe().syncCapOperators(-1)), "syncCapOperators",
                    AccountValidator.OUT_OF_RANGE);
        }

        @Test
        void validateWhenCapZeroThenNoViolation() {
            assertThat(validate(AccountFixtures.adobe().syncCapOperators(0).syncCapPercent(0))).isEmpty();
        }
    }
}
