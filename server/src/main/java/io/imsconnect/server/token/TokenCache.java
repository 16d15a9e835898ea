package io.imsconnect.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.imsconnect.server.config.ImsConnectProperties;

/**
 * Checked bearer tokens' answers, keyed by the SHA-256 of the token (the token itself is never kept), each for
 * at most {@code imsconnect.api.token-cache-ttl} and never past the token's expiry: the bound on how long a
 * revoked token or a removed profile keeps working. Bounded in size; Caffeine's frequency-based admission keeps
 * a flood of one-off tokens from evicting the answers callers reuse.
 */
@Component
class TokenCache {

    /** What a check said: the operator let in, or the refusal. */
    record Checked(String operator, ApiTokenRefused refusal, Instant until) {
    }

    private final Cache<String, Checked> answers;
    private final Duration ttl;
    private final Clock clock;

    TokenCache(ImsConnectProperties properties, Clock clock) {
        this.ttl = properties.api().tokenCacheTtl();
        this.clock = clock;
        this.answers = Caffeine.newBuilder().maximumSize(properties.api().tokenCacheSize())
                .expireAfter(Expiry.<String, Checked>creating((key, checked) -> lifetime(checked))).build();
    }

    Optional<Checked> get(String token) {
        Checked checked = answers.getIfPresent(key(token));
        return checked != null && checked.until().isAfter(clock.instant()) ? Optional.of(checked) : Optional.empty();
    }

    /** Keeps the answer until the token's expiry, at most for the configured time. */
    void put(String token, String operator, ApiTokenRefused refusal, Instant tokenExpiresAt) {
        Instant bound = clock.instant().plus(ttl);
        Instant until = tokenExpiresAt != null && tokenExpiresAt.isBefore(bound) ? tokenExpiresAt : bound;
        if (until.isAfter(clock.instant())) {
            answers.put(key(token), new Checked(operator, refusal, until));
        }
    }

    void forget(String token) {
        answers.invalidate(key(token));
    }

    private Duration lifetime(Checked checked) {
        Duration left = Duration.between(clock.instant(), checked.until());
        return left.isNegative() ? Duration.ZERO : left;
    }

    static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
