package io.imsconnect.server.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.imsconnect.server.config.ImsConnectProperties;

import tools.jackson.databind.JsonNode;

/**
 * An identity provider's OpenID discovery document, fetched with bounded timeouts and kept for a few minutes
 * per URL. The key is the discovery URL itself, so changing an account's server never reads a stale entry.
 */
@Component
public class ProviderMetadata {

    /** The parts of discovery that sign-in uses. */
    public record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
            String userinfoEndpoint, String endSessionEndpoint) {
    }

    private record Cached(Metadata metadata, Instant fetchedAt) {
    }

    private final ProviderClient http;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    ProviderMetadata(ProviderClient http, ImsConnectProperties properties, Clock clock) {
        this.http = http;
        this.ttl = properties.login().discoveryCacheTtl();
        this.clock = clock;
    }

    /**
     * The discovery document at {@code url}; see {@link ProviderType#discoveryUrl}. When it must be fetched, one
     * caller fetches and the others of the moment wait for its answer, so a burst of sign-ins on a cold cache
     * makes one call, not one each (which the bulkhead would refuse).
     */
    public Metadata of(String url) {
        Metadata cached = cached(url);
        if (cached != null) {
            return cached;
        }
        synchronized (fetching.computeIfAbsent(url, u -> new Object())) {
            cached = cached(url);
            return cached != null ? cached : fresh(url);
        }
    }

    private Metadata cached(String url) {
        Cached cached = cache.get(url);
        return cached != null && cached.fetchedAt().plus(ttl).isAfter(clock.instant()) ? cached.metadata() : null;
    }

    /**
     * The discovery document at {@code url} read now, whatever the cache holds, and cached: proof that the
     * provider answers at this moment (the sign-in start asks it before sending a browser there).
     */
    public Metadata fresh(String url) {
        Metadata fresh = fetch(url);
        cache.put(url, new Cached(fresh, clock.instant()));
        return fresh;
    }

    private Metadata fetch(String url) {
        JsonNode document = http.getJson(url, null, "discovery document at " + url);
        if (!document.path("issuer").isString()) {
            throw new IdentityProviderException("The discovery document at " + url + " has no issuer", null);
        }
        Metadata metadata = new Metadata(document.path("issuer").asString(), text(document, "authorization_endpoint"),
                text(document, "token_endpoint"), text(document, "jwks_uri"), text(document, "userinfo_endpoint"),
                text(document, "end_session_endpoint"));
        for (String endpoint : new String[] { metadata.authorizationEndpoint(), metadata.tokenEndpoint(),
                metadata.jwksUri() }) {
            if (!http.isSecure(endpoint)) {
                throw IdentityProviderException.invalidMetadata("The discovery document at " + url
                        + " names an endpoint that is missing or not https: " + endpoint);
            }
        }
        if (metadata.userinfoEndpoint() != null
                && !http.isSecure(metadata.userinfoEndpoint())) {
            throw IdentityProviderException.invalidMetadata("The discovery document at " + url
                    + " names a userinfo endpoint that is not https: " + metadata.userinfoEndpoint());
        }
        return metadata;
    }

    private static String text(JsonNode document, String field) {
        JsonNode value = document.path(field);
        return value.isString() ? value.asString() : null;
    }

}
