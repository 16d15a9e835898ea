package io.imsconnect.sandbox.umapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UMAPI's per-client request limit as a sliding one-minute window.
 */
final class Throttle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int requestsPerMinute;

    private final Clock clock;

    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();

    Throttle(int requestsPerMinute, Clock clock) {
        this.requestsPerMinute = requestsPerMinute;
        this.clock = clock;
    }

    /**
     * Counts one call by the client.
     *
     * @return empty when the call is allowed, else the seconds until it would be ({@code Retry-After})
     */
    OptionalLong acquire(String clientId) {
        if (requestsPerMinute <= 0) {
            return OptionalLong.empty();
        }
        Deque<Instant> window = calls.computeIfAbsent(clientId, id -> new ArrayDeque<>());
        synchronized (window) {
            Instant now = clock.instant();
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
                window.pollFirst();
            }
            if (window.size() >= requestsPerMinute) {
                long wait = Duration.between(now, window.peekFirst().plus(WINDOW)).toSeconds() + 1;
                return OptionalLong.of(wait);
            }
            window.addLast(now);
            return OptionalLong.empty();
        }
    }
}
