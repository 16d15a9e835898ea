package io.imsconnect.core.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An external account's settings as an administrator edits them. Secrets are never held here, only
 * whether one is stored ({@code imsClientSecretSet}, {@code directoryClientSecretSet}), so this
 * record can be logged, shown and returned by the API as it is.
 *
 * <p>The record accepts incomplete and invalid values, because it is also what a form or a request
 * body gives before validation; {@link AccountValidator} says what is wrong with it. Text fields
 * are {@code null} when not given.
 *
 * @param imsServer the IMS base URL for {@code adobe-ims}; the issuer URI (for discovery) for
 *     {@code oidc}
 * @param imsScope the scopes asked for at login; {@code null} when not given, else copied
 * @param groupsClaim for {@code oidc}: the claim holding the user's groups
 * @param organizationClaim for {@code oidc}: the claim checked against {@code imsOrganizationId}
 * @param issuer the ID tokens' expected {@code iss} when it differs from what discovery says (Adobe
 *     documents the IMS issuer both with and without {@code /ims}); {@code null}: discovery's
 * @param apiClientIds the client IDs whose access tokens the REST API accepts as bearer tokens (the token's
 *     {@code client_id}, or {@code azp} for {@code oidc}); empty: bearer tokens are off for this account
 * @param audience for {@code oidc}: the {@code aud} a JWT access token must carry
 * @param introspectionEndpoint for {@code oidc}: the RFC 7662 endpoint that checks opaque access tokens;
 *     {@code null}: access tokens are JWTs checked against the provider's keys
 * @param syncIntervalMinutes how often the directory sync runs for this account, in minutes (at least
 *     {@value #MIN_SYNC_INTERVAL_MINUTES}; Adobe asks for no more often than every two hours)
 * @param syncCapOperators with {@code syncCapPercent}, the directory sync's safety cap: a run that would suspend
 *     or take a group from more than this many operators, or this percentage of the account's, whichever is
 *     larger, is held for an administrator
 * @param syncPreCreate whether the directory sync creates operators ahead of their first sign-in for users whose
 *     profiles map
 */
public record AccountSettings(
        String internalName,
        String label,
        AccountType type,
        boolean enabled,
        String imsServer,
        List<String> imsScope,
        String imsClientId,
        String callbackServer,
        String imsOrganizationId,
        String associationMask,
        boolean maskIgnoresCase,
        String server,
        String tenant,
        String productContext,
        String directoryServer,
        String directoryClientId,
        String groupsClaim,
        String organizationClaim,
        String issuer,
        List<String> apiClientIds,
        String audience,
        String introspectionEndpoint,
        int syncIntervalMinutes,
        int syncCapOperators,
        int syncCapPercent,
        boolean syncPreCreate,
        boolean imsClientSecretSet,
        boolean directoryClientSecretSet) {

    /** Campaign keeps its one Adobe account under this internal name. */
    public static final String DEFAULT_INTERNAL_NAME = "Adobe_Marketing_Cloud";
    public static final List<String> DEFAULT_IMS_SCOPE =
            List.of("openid", "AdobeID", "read_organizations", "additional_info.projectedProductContext");
    public static final String DEFAULT_GROUPS_CLAIM = "groups";
    /** Adobe's docs write profile names as both "Campaign - …" and "campaign - …". */
    public static final boolean DEFAULT_MASK_IGNORES_CASE = true;

    /** Adobe asks for full directory reads no more often than every two hours (docs/provider-facts.md). */
    public static final int DEFAULT_SYNC_INTERVAL_MINUTES = 120;
    public static final int MIN_SYNC_INTERVAL_MINUTES = 15;
    public static final int MAX_SYNC_INTERVAL_MINUTES = 7 * 24 * 60;
    public static final int DEFAULT_SYNC_CAP_OPERATORS = 10;
    public static final int DEFAULT_SYNC_CAP_PERCENT = 5;

    private static final String REDIRECT_PATH = "/login/oauth2/code/";

    public AccountSettings {
        imsScope = imsScope == null ? null : List.copyOf(imsScope);
        apiClientIds = apiClientIds == null ? List.of() : List.copyOf(apiClientIds);
    }

    /** A builder holding the defaults: type {@code adobe-ims}, disabled, the default name and scopes. */
    public static AccountSettingsBuilder builder() {
        return new AccountSettingsBuilder();
    }

    public AccountSettingsBuilder toBuilder() {
        return new AccountSettingsBuilder(this);
    }

    /**
     * The redirect URI to register with the identity provider, once both parts are known.
     *
     * @see #redirectUri(String, String)
     */
    public Optional<String> redirectUri() {
        if (isBlank(callbackServer) || isBlank(internalName)) {
            return Optional.empty();
        }
        return Optional.of(redirectUri(callbackServer, internalName));
    }

    /**
     * {@code {callbackServer}/login/oauth2/code/{internalName}}, Spring Security's default
     * redirect path with the account's internal name as registration id. Trailing slashes of the
     * callback server are dropped so that {@code https://host/} does not give {@code https://host//…}.
     */
    public static String redirectUri(String callbackServer, String internalName) {
        Objects.requireNonNull(callbackServer, "callbackServer cannot be null");
        Objects.requireNonNull(internalName, "internalName cannot be null");
        return withoutTrailingSlashes(callbackServer) + REDIRECT_PATH + internalName;
    }

    /** The URL without the trailing slashes that would double the next path's. */
    public static String withoutTrailingSlashes(String url) {
        String base = url.strip();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        return base.substring(0, end);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
