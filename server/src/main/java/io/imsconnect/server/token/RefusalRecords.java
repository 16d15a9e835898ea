package io.imsconnect.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.imsconnect.server.config.ImsConnectProperties;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.provider.BearerTokenRefused;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records refusals of bearer tokens that identify no one, bounded so that a flood of bad tokens cannot fill the
 * login decisions: at most one record per account and reason every {@code imsconnect.api.refusal-record-interval},
 * which counts the refusals it stands for. Every refusal is counted in the metric
 * {@code imsconnect_api_token_refusals_total{reason}}. Refusals of tokens that do identify someone (the access
 * decision's) are recorded in full by {@link ApiTokenSignIn}; the token cache bounds those.
 */
@Component
class RefusalRecords {

    /** The account of tokens no enabled account takes: the decisions' account column is never empty. */
    static final String NO_ACCOUNT = "(no account)";

    private record Key(String account, BearerTokenRefused.Reason reason) {
    }

    private static final class Window {
        private volatile Instant recordedAt = Instant.EPOCH;
        private final AtomicLong unrecorded = new AtomicLong();
    }

    private final LoginDecisionService decisions;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Clock clock;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    RefusalRecords(LoginDecisionService decisions, MeterRegistry meters, ImsConnectProperties properties,
            Clock clock) {
        this.decisions = decisions;
        this.meters = meters;
        this.interval = properties.api().refusalRecordInterval();
        this.clock = clock;
    }

    /** Counts the refusal and records it unless one like it was recorded within the interval. */
    ApiTokenRefused refused(String account, BearerTokenRefused refusal) {
        Counter.builder("imsconnect.api.token.refusals").description("API bearer tokens refused, by reason")
                .tag("reason", refusal.reason().name()).register(meters).increment();
        String reason = refusal.getMessage();
        Window window = windows.computeIfAbsent(new Key(account, refusal.reason()), key -> new Window());
        Instant now = clock.instant();
        String decisionId = null;
        synchronized (window) {
            if (window.recordedAt.plus(interval).isAfter(now)) {
                window.unrecorded.incrementAndGet();
            } else {
                long similar = window.unrecorded.getAndSet(0);
                window.recordedAt = now;
                String recorded = "API bearer token refused: " + reason + (similar == 0 ? ""
                        : " (" + similar + " more refusals for the same reason since the last record)");
                decisionId = decisions.recordFailure(account, recorded).id();
            }
        }
        return new ApiTokenRefused(401, reason, decisionId);
    }
}
