package io.imsconnect.server.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.imsconnect.core.sync.SafetyCap;

/**
 * The directory sync's settings ({@code imsconnect.sync.*}), for every account alike: how often an account is
 * synced (at least every {@value #MIN_INTERVAL_MINUTES} minutes apart; Adobe asks for two hours), the safety cap,
 * whether operators are created ahead of their first sign-in, the most a run waits on the directory in total before
 * it fails (Adobe's real waits reach 30–55 minutes, docs/provider-facts.md#umapi-throttling), the back-off after a
 * 5xx or a timeout, and how often due accounts are looked for.
 */
@ConfigurationProperties("imsconnect.sync")
public record SyncProperties(
        @DefaultValue("2h") Duration interval,
        @DefaultValue("10") int capOperators,
        @DefaultValue("5") int capPercent,
        @DefaultValue("false") boolean preCreate,
        @DefaultValue("3h") Duration maxWait,
        @DefaultValue("2s") Duration firstBackOff,
        @DefaultValue("10m") Duration maxBackOff,
        @DefaultValue("5m") Duration scheduleCheck) {

    static final int MIN_INTERVAL_MINUTES = 15;

    public SyncProperties {
        if (interval.compareTo(Duration.ofMinutes(MIN_INTERVAL_MINUTES)) < 0) {
            throw new IllegalArgumentException("imsconnect.sync.interval must be at least " + MIN_INTERVAL_MINUTES
                    + " minutes: " + interval);
        }
    }

    SafetyCap cap() {
        return new SafetyCap(capOperators, capPercent);
    }
}
