package io.imsconnect.server.sync;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code imsconnect_directory_sync_runs_total{outcome}}, the run duration, the users read and the changes
 * applied, on {@code /actuator/prometheus}.
 */
@Component
class SyncMetrics {

    private final MeterRegistry registry;
    private final Counter usersRead;
    private final Counter changesApplied;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.usersRead = Counter.builder("imsconnect.directory.sync.users.read").register(registry);
        this.changesApplied = Counter.builder("imsconnect.directory.sync.changes.applied").register(registry);
    }

    void usersRead(int count) {
        usersRead.increment(count);
    }

    void changesApplied(int count) {
        changesApplied.increment(count);
    }

    void ended(RunState outcome, Instant startedAt, Instant endedAt) {
        Counter.builder("imsconnect.directory.sync.runs").tag("outcome", outcome.name()).register(registry)
                .increment();
        Timer.builder("imsconnect.directory.sync.duration").tag("outcome", outcome.name()).register(registry)
                .record(Duration.between(startedAt, endedAt));
    }
}
