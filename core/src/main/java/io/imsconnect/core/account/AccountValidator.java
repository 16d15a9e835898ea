package io.imsconnect.core.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.imsconnect.core.ControlCharacters;
import io.imsconnect.core.InternalNames;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.InvalidMaskException;
import io.imsconnect.core.mask.MaskSettings;

/**
 * Checks an external account's settings before they are saved, so that a saved account either
 * works at the next login or is disabled. Blank text counts as absent.
 *
 * <p>All violations are returned, in the order the fields appear in the API and the console
 * ({@code imsClientSecret} right after {@code imsClientId}), at most one a field: the first rule
 * the field breaks, so the administrator gets one instruction a field.
 */
public final class AccountValidator {

    public static final String REQUIRED = "required";
    public static final String REQUIRED_WHEN_ENABLED = "required.whenEnabled";
    public static final String TOO_LONG = "tooLong";
    public static final String INTERNAL_NAME_INVALID = "internalName.invalid";
    public static final String URL_INVALID = "url.invalid";
    public static final String URL_NOT_HTTPS = "url.notHttps";
    public static final String URL_USER_INFO = "url.userInfo";
    public static final String URL_QUERY = "url.query";
    public static final String URL_FRAGMENT = "url.fragment";
    public static final String ORGANIZATION_ID_INVALID = "organizationId.invalid";
    public static final String SCOPE_INVALID = "scope.invalid";
    public static final String CONTROL_CHARACTER = ControlCharacters.CODE;
    public static final String CLIENT_ID_INVALID = "clientId.invalid";
    public static final String OUT_OF_RANGE = "range";

    public static final int MAX_INTERNAL_NAME_LENGTH = InternalNames.MAX_LENGTH;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_TEXT_LENGTH = 255;
    public static final int MAX_CAP_OPERATORS = 1_000_000;

    // The internal name is the registration id in the redirect URI path, hence ASCII only.
    // docs/provider-facts.md#campaigns-external-account: 24 hex digits then @AdobeOrg; IMS writes them in upper case.
    private static final Pattern ADOBE_ORGANIZATION_ID = Pattern.compile("[0-9A-Fa-f]{24}@AdobeOrg");

    private static final String REQUIRED_WHEN_ENABLED_MESSAGE =
            "is required before the account can be enabled";

    private AccountValidator() {
    }

    /**
     * Validates settings about to be saved.
     *
     * @param allowInsecureLoopback whether plain http is accepted for loopback hosts
     *     ({@code imsconnect.security.allow-insecure-loopback}, set by the demo)
     * @return every violation, in field order; empty when the settings may be saved
     */
    public static List<FieldViolation> validate(AccountSettings s, boolean allowInsecureLoopback) {
        Objects.requireNonNull(s, "settings cannot be null");
        Check check = new Check(s.enabled(), allowInsecureLoopback);
        boolean adobe = s.type() == AccountType.ADOBE_IMS;
        boolean oidc = s.type() == AccountType.OIDC;

        check.internalName(s.internalName());
        check.text("label", s.label(), false);
        if (s.type() == null) {
            check.add("type", REQUIRED, "is required: choose adobe-ims or oidc");
        }
        check.url("imsServer", s.imsServer(), true,
                adobe ? "https://ims-na1.adobelogin.com" : "https://login.example.com/realms/acme");
        check.scopes(s.imsScope());
        check.text("imsClientId", s.imsClientId(), true);
        if (!s.imsClientSecretSet()) {
            check.missing("imsClientSecret", true);
        }
        check.url("callbackServer", s.callbackServer(), true, "https://campaign.example.com");
        check.organizationId(s.imsOrganizationId(), adobe);
        check.mask(s.associationMask(), s.maskIgnoresCase());
        check.url("server", s.server(), false, "https://experience.adobe.com");
        check.text("tenant", s.tenant(), false);
        check.text("productContext", s.productContext(), false);
        check.url("directoryServer", s.directoryServer(), false,
                "https://usermanagement.adobe.io/v2/usermanagement");
        check.text("directoryClientId", s.directoryClientId(), false);
        // An oidc login reads the user's groups from this claim, and checks the organization
        // against organizationClaim only when an organization ID is set.
        check.text("groupsClaim", s.groupsClaim(), oidc);
        check.text("organizationClaim", s.organizationClaim(),
                oidc && !isBlank(s.imsOrganizationId()));
        check.url("issuer", s.issuer(), false, "https://ims-na1.adobelogin.com");
        check.clientIds(s.apiClientIds());
        // An oidc account checks JWT access tokens' aud against audience, unless it introspects them (RFC 7662).
        check.text("audience", s.audience(), oidc && !s.apiClientIds().isEmpty() && isBlank(s.introspectionEndpoint()));
        check.url("introspectionEndpoint", s.introspectionEndpoint(), false, "https://login.example.com/introspect");
        check.range("syncIntervalMinutes", s.syncIntervalMinutes(), AccountSettings.MIN_SYNC_INTERVAL_MINUTES,
                AccountSettings.MAX_SYNC_INTERVAL_MINUTES, " minutes (Adobe asks for no more often than every 2 hours: "
                        + AccountSettings.DEFAULT_SYNC_INTERVAL_MINUTES + ")");
        check.range("syncCapOperators", s.syncCapOperators(), 0, MAX_CAP_OPERATORS, " operators");
        check.range("syncCapPercent", s.syncCapPercent(), 0, 100, " %");
        return List.copyOf(check.violations);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Collects violations for one validation run. */
    private static final class Check {

        private final boolean enabled;
        private final boolean allowInsecureLoopback;
        private final List<FieldViolation> violations = new ArrayList<>();

        Check(boolean enabled, boolean allowInsecureLoopback) {
            this.enabled = enabled;
            this.allowInsecureLoopback = allowInsecureLoopback;
        }

        void add(String field, String code, String message) {
            violations.add(new FieldViolation(field, code, message));
        }

        void missing(String field, boolean requiredWhenEnabled) {
            if (requiredWhenEnabled && enabled) {
                add(field, REQUIRED_WHEN_ENABLED, REQUIRED_WHEN_ENABLED_MESSAGE);
            }
        }

        boolean tooLong(String field, String value, int max) {
            if (value.length() <= max) {
                return false;
            }
            add(field, TOO_LONG, "is " + value.length() + " characters long; shorten it to at most "
                    + max + " characters");
            return true;
        }

        boolean controlCharacter(String field, String value) {
            if (!ControlCharacters.contains(value)) {
                return false;
            }
            add(field, CONTROL_CHARACTER, ControlCharacters.message(value));
            return true;
        }

        void internalName(String value) {
            if (isBlank(value)) {
                add("internalName", REQUIRED,
                        "is required: a name such as " + AccountSettings.DEFAULT_INTERNAL_NAME);
            } else if (!InternalNames.isValid(value)) {
                add("internalName", INTERNAL_NAME_INVALID,
                        "must start with a letter and contain only letters, digits and _ (at most "
                                + MAX_INTERNAL_NAME_LENGTH + " characters), such as "
                                + AccountSettings.DEFAULT_INTERNAL_NAME);
            }
        }

        void text(String field, String value, boolean requiredWhenEnabled) {
            if (isBlank(value)) {
                missing(field, requiredWhenEnabled);
            } else if (!controlCharacter(field, value)) {
                tooLong(field, value, MAX_TEXT_LENGTH);
            }
        }

        void url(String field, String value, boolean requiredWhenEnabled, String example) {
            if (isBlank(value)) {
                missing(field, requiredWhenEnabled);
                return;
            }
            if (controlCharacter(field, value) || tooLong(field, value, MAX_URL_LENGTH)) {
                return;
            }
            String notHttps = "must be an absolute https URL such as " + example
                    + " (plain http is allowed only for localhost when insecure loopback is enabled)";
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                add(field, URL_INVALID, "is not a valid URL (" + e.getReason() + " at index "
                        + e.getIndex() + "): write an absolute https URL such as " + example);
                return;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                add(field, URL_INVALID, notHttps);
            } else if (!scheme.equals("https") && !scheme.equals("http")) {
                add(field, URL_NOT_HTTPS, notHttps);
            } else if (isBlank(uri.getHost())) {
                add(field, URL_INVALID, "must name a host, such as " + example);
            } else if (uri.getRawUserInfo() != null) {
                add(field, URL_USER_INFO,
                        "must not contain a user name or password: remove the part before @");
            } else if (uri.getRawQuery() != null) {
                add(field, URL_QUERY, "must not contain a query: remove the part from ?");
            } else if (uri.getRawFragment() != null) {
                add(field, URL_FRAGMENT, "must not contain a fragment: remove the part from #");
            } else if (scheme.equals("http")
                    && !(allowInsecureLoopback && SecureUrls.isLoopbackHost(uri.getHost()))) {
                add(field, URL_NOT_HTTPS, notHttps);
            }
        }

        void scopes(List<String> scopes) {
            if (scopes == null || scopes.isEmpty()) {
                return;
            }
            for (String scope : scopes) {
                if (!Scopes.isValidToken(scope)) {
                    add("imsScope", SCOPE_INVALID, "contains \"" + scope + "\", which is not a"
                            + " scope: each scope is one word of printable ASCII without spaces,"
                            + " quotes or backslashes, such as AdobeID");
                    return;
                }
            }
            tooLong("imsScope", String.join(" ", scopes), MAX_URL_LENGTH);
        }

        void clientIds(List<String> ids) {
            for (String id : ids) {
                if (id == null || id.isBlank() || !Scopes.isValidToken(id) || id.contains(",")) {
                    add("apiClientIds", CLIENT_ID_INVALID, "contains \"" + id + "\", which is not a client ID:"
                            + " each is one word without spaces, commas or quotes, such as campaign-scripts");
                    return;
                }
                if (tooLong("apiClientIds", id, MAX_TEXT_LENGTH)) {
                    return;
                }
            }
        }

        void range(String field, int value, int min, int max, String unit) {
            if (value < min) {
                add(field, OUT_OF_RANGE, "is " + value + "; it must be at least " + min + unit);
            } else if (value > max) {
                add(field, OUT_OF_RANGE, "is " + value + "; it must be at most " + max + unit);
            }
        }

        void organizationId(String value, boolean adobe) {
            if (isBlank(value)) {
                missing("imsOrganizationId", adobe);
                return;
            }
            if (controlCharacter("imsOrganizationId", value)) {
                return;
            }
            if (adobe && !ADOBE_ORGANIZATION_ID.matcher(value).matches()) {
                add("imsOrganizationId", ORGANIZATION_ID_INVALID,
                        "must be 24 hexadecimal digits followed by @AdobeOrg, such as"
                                + " A495E53C0123456789ABCDEF@AdobeOrg");
            } else {
                tooLong("imsOrganizationId", value, MAX_TEXT_LENGTH);
            }
        }

        void mask(String value, boolean ignoresCase) {
            if (isBlank(value)) {
                missing("associationMask", true);
                return;
            }
            if (controlCharacter("associationMask", value)) {
                return;
            }
            try {
                AssociationMask.compile(new MaskSettings(value, ignoresCase));
            } catch (InvalidMaskException e) {
                add("associationMask", e.code(), e.getMessage());
            }
        }
    }
}
