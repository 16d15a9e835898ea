package io.imsconnect.server.provider;

import static io.imsconnect.server.provider.BearerTokenRefused.Reason.CLIENT_NOT_ALLOWED;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.EXPIRED;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.INVALID;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.NOT_ACCEPTED;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.PROVIDER_UNAVAILABLE;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.WRONG_TYPE;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.account.AccountSettings;

import tools.jackson.databind.JsonNode;

/**
 * Checks an IMS access token sent to the REST API (docs/provider-facts.md#technical-accounts): its own claims
 * first, which cost nothing ({@code type} is {@code access_token}, {@code client_id} is one of the account's
 * API clients, {@code created_at} + {@code expires_in} in milliseconds not past), then IMS itself
 * ({@code POST /ims/validate_token/v1}), since IMS access tokens are not to be validated offline. The identity
 * comes from the same profile and organizations calls as at sign-in.
 */
final class ImsBearerTokens {

    /** What Test connection sends: no IMS token looks like this. */
    static final String PROBE_TOKEN = "imsconnect-connection-test";

    private final ProviderClient http;
    private final Clock clock;

    ImsBearerTokens(ProviderClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    BearerIdentity read(AccountSettings account, String ims, String token) {
        UnverifiedClaims claims = UnverifiedClaims.of(token).orElseThrow(() -> new BearerTokenRefused(NOT_ACCEPTED,
                "The bearer token is not an IMS access token (not a JWT)."));
        if (!"access_token".equals(claims.text("type"))) {
            throw new BearerTokenRefused(WRONG_TYPE, "The bearer token is not an IMS access token (its type is "
                    + BearerWords.safe(claims.text("type")) + "): send the access_token of the token answer.");
        }
        String clientId = claims.text("client_id");
        if (clientId == null || !account.apiClientIds().contains(clientId)) {
            throw new BearerTokenRefused(CLIENT_NOT_ALLOWED, "The token was issued to the client "
                    + BearerWords.safe(clientId) + ", which is not among the API clients (apiClientIds) of the "
                    + "external account " + account.internalName() + ".");
        }
        Instant expiresAt = expiresAt(claims);
        if (!expiresAt.isAfter(clock.instant())) {
            throw new BearerTokenRefused(EXPIRED, "The IMS access token expired at " + expiresAt
                    + ": ask IMS for a new one.");
        }
        check(ims, clientId, token);
        JsonNode profile = read(ims + "/ims/profile/v1", token, "profile");
        JsonNode organizations = read(ims + "/ims/organizations/v6", token, "organizations");
        String subject = ImsTechnicalAccounts.subject(claims, profile);
        String userId = claims.text("user_id");
        if (subject == null || userId != null && !userId.equals(subject)) {
            throw new BearerTokenRefused(INVALID, "IMS's profile for the token belongs to another user than the "
                    + "token names.");
        }
        Identity identity = AdobeImsProvider.identity(account.imsOrganizationId(), subject, null, null, profile,
                organizations);
        return new BearerIdentity(identity, ImsTechnicalAccounts.isTechnical(subject, profile), expiresAt);
    }

    /** docs/provider-facts.md#authorization-and-token-endpoints: milliseconds, written as strings. */
    private static Instant expiresAt(UnverifiedClaims claims) {
        try {
            return Instant.ofEpochMilli(Math.addExact(Long.parseLong(claims.text("created_at")),
                    Long.parseLong(claims.text("expires_in"))));
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw new BearerTokenRefused(INVALID, "The IMS access token carries no valid created_at and "
                    + "expires_in.");
        }
    }

    /** Adobe's Go client (adobe/ims-go): form fields type, client_id, token; header X-IMS-ClientId. */
    ProviderClient.Exchange validate(String ims, String clientId, String token) {
        String form = "type=access_token&client_id=" + encode(clientId) + "&token=" + encode(token);
        return http.exchange(ims + "/ims/validate_token/v1", Map.of("X-IMS-ClientId", clientId), form);
    }

    private void check(String ims, String clientId, String token) {
        ProviderClient.Exchange answer = validate(ims, clientId, token);
        if (answer.failure() != null || answer.status() >= 500) {
            throw new BearerTokenRefused(PROVIDER_UNAVAILABLE, "IMS did not answer the token check ("
                    + (answer.failure() != null ? answer.failure() : "HTTP " + answer.status()) + "). Try again.");
        }
        JsonNode body = answer.json();
        if (answer.status() != 200 || body == null || !body.path("valid").asBoolean(false)) {
            throw new BearerTokenRefused(INVALID, "IMS says the access token is not valid (revoked, or not "
                    + "issued by this IMS): ask IMS for a new one.");
        }
    }

    private JsonNode read(String url, String token, String what) {
        try {
            return http.getJson(url, token, what);
        } catch (IdentityProviderException e) {
            throw new BearerTokenRefused(PROVIDER_UNAVAILABLE, "IMS's " + what + " for the token could not be "
                    + "read: " + e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
