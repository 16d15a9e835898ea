package io.imsconnect.server.provider;

import static io.imsconnect.server.provider.BearerTokenRefused.Reason.CLIENT_NOT_ALLOWED;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.EXPIRED;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.INVALID;
import static io.imsconnect.server.provider.BearerTokenRefused.Reason.PROVIDER_UNAVAILABLE;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

import io.imsconnect.core.account.AccountSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an OpenID provider's access token sent to the REST API: a JWT (RFC 9068) verified against the
 * provider's keys (RS256 only, so {@code alg: none} and symmetric keys are refused; issuer, the account's
 * {@code audience}, expiry), or, when the account names an introspection endpoint, asked of the provider
 * (RFC 7662). Its client ({@code client_id}, else {@code azp}) must be one of the account's API clients; groups
 * come from the token's claim or, for a person, from userinfo, as at sign-in.
 */
final class OidcBearerTokens {

    private record Key(String jwks, String issuer, String audience) {
    }

    private final ProviderClient http;
    private final RestOperations keys;
    private final ProviderMetadata metadata;
    private final Map<Key, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    OidcBearerTokens(ProviderClient http, ProviderMetadata metadata) {
        this.http = http;
        this.keys = http == null ? null : http.restTemplate();
        this.metadata = metadata;
    }

    BearerIdentity read(AccountSettings account, String discoveryUrl, String token, String clientSecret) {
        ProviderMetadata.Metadata discovery = discovery(discoveryUrl);
        String issuer = account.issuer() != null ? account.issuer() : discovery.issuer();
        Map<String, Object> claims = account.introspectionEndpoint() != null
                ? introspect(account, issuer, token, clientSecret) : decode(account, discovery.jwksUri(), issuer, token);
        String client = String.valueOf(claims.getOrDefault("client_id", claims.get("azp")));
        if (!account.apiClientIds().contains(client)) {
            throw new BearerTokenRefused(CLIENT_NOT_ALLOWED, "The token was issued to the client "
                    + BearerWords.safe(client) + ", which is not among the API clients (apiClientIds) of the "
                    + "external account " + account.internalName() + ".");
        }
        // RFC 9068 §2.2: a client-credentials token's sub identifies the client itself, not a person.
        boolean technical = client.equals(String.valueOf(claims.get("sub")));
        JsonNode userinfo = null;
        String groupsClaim = account.groupsClaim() == null ? AccountSettings.DEFAULT_GROUPS_CLAIM
                : account.groupsClaim();
        if (!technical && !claims.containsKey(groupsClaim) && discovery.userinfoEndpoint() != null) {
            userinfo = userinfo(discovery.userinfoEndpoint(), token, claims);
        }
        return new BearerIdentity(OidcProvider.identity(account, claims, userinfo), technical, expiresAt(claims));
    }

    private ProviderMetadata.Metadata discovery(String url) {
        try {
            return metadata.of(url);
        } catch (IdentityProviderException e) {
            throw new BearerTokenRefused(PROVIDER_UNAVAILABLE, e.getMessage() + ". Try again.");
        }
    }

    private Map<String, Object> decode(AccountSettings account, String jwks, String issuer, String token) {
        JwtDecoder decoder = decoders.computeIfAbsent(new Key(jwks, issuer, account.audience()), this::decoder);
        try {
            return decoder.decode(token).getClaims();
        } catch (BadJwtException e) {
            throw refused(e.getMessage());
        } catch (JwtException e) {
            throw new BearerTokenRefused(PROVIDER_UNAVAILABLE, "The provider's keys could not be read to check "
                    + "the token. Try again.");
        }
    }

    private JwtDecoder decoder(Key key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(key.jwks()).jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(keys).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new JwtIssuerValidator(key.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(key.audience()))));
        return decoder;
    }

    /** Names the failed check from Spring Security's description, without echoing the token's claims. */
    private static BearerTokenRefused refused(String description) {
        String lower = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (lower.contains("expired")) {
            return new BearerTokenRefused(EXPIRED, "The access token has expired: ask the provider for a new one.");
        }
        String why = lower.contains("iss") ? "it was issued by another issuer than the account's provider"
                : lower.contains("aud") ? "it is not meant for this instance (its aud lacks the account's audience)"
                : lower.contains("algorithm") || lower.contains("signed") || lower.contains("alg")
                        ? "it is not signed with RS256 by the provider"
                : lower.contains("signature") || lower.contains("key")
                        ? "its signature matches no key the provider publishes"
                : "it is not a valid JWT";
        return new BearerTokenRefused(INVALID, "The access token was refused: " + why + ".");
    }

    /** RFC 7662 §2: the login client authenticates; only {@code active: true} answers count. */
    ProviderClient.Exchange introspection(AccountSettings account, String token, String secret) {
        String basic = Base64.getEncoder().encodeToString((encode(account.imsClientId()) + ":"
                + encode(secret == null ? "" : secret)).getBytes(StandardCharsets.UTF_8));
        return http.exchange(account.introspectionEndpoint(), Map.of("Authorization", "Basic " + basic),
                "token=" + encode(token) + "&token_type_hint=access_token");
    }

    private Map<String, Object> introspect(AccountSettings account, String issuer, String token, String secret) {
        ProviderClient.Exchange answer = introspection(account, token, secret);
        JsonNode body = answer.json();
        if (answer.failure() != null || answer.status() != 200 || body == null) {
            throw new BearerTokenRefused(PROVIDER_UNAVAILABLE, "The introspection endpoint did not answer the "
                    + "token check (" + (answer.failure() != null ? answer.failure() : "HTTP " + answer.status())
                    + "). Test connection checks it.");
        }
        if (!body.path("active").asBoolean(false)) {
            throw new BearerTokenRefused(INVALID, "The provider says the access token is not active (expired or "
                    + "revoked): ask it for a new one.");
        }
        Map<String, Object> claims = json.convertValue(body, LinkedHashMap.class);
        if (claims.get("iss") != null && !issuer.equals(claims.get("iss"))) {
            throw refused("iss");
        }
        if (claims.get("exp") instanceof Number exp) {
            claims.put("exp", Instant.ofEpochSecond(exp.longValue()));
        }
        return claims;
    }

    private JsonNode userinfo(String endpoint, String token, Map<String, Object> claims) {
        try {
            JsonNode userinfo = http.getJson(endpoint, token, "userinfo");
            if (userinfo.has("sub") && !String.valueOf(claims.get("sub")).equals(userinfo.path("sub").asString())) {
                throw new BearerTokenRefused(INVALID, "The provider's userinfo belongs to another subject than "
                        + "the access token.");
            }
            return userinfo;
        } catch (IdentityProviderException e) {
            throw new BearerTokenRefused(PROVIDER_UNAVAILABLE, e.getMessage());
        }
    }

    private static Instant expiresAt(Map<String, Object> claims) {
        Object exp = claims.get("exp");
        if (exp instanceof Instant instant) {
            return instant;
        }
        throw new BearerTokenRefused(INVALID, "The access token carries no expiry (exp).");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
