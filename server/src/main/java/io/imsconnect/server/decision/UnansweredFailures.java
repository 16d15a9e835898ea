package io.imsconnect.server.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.imsconnect.server.config.ImsConnectProperties;

/**
 * Failed sign-ins that never got the provider's tokens: one recorded in full (the sample) per account, reason code
 * and interval, the others counted in {@code login_failure_tally} (docs/decisions/0013). A storm of them hits one
 * tally row; so each node remembers the samples it has seen and writes its count at most once a second per row,
 * instead of one locked update per failure. The count may lag by a second, and a node's last second is lost if it
 * stops; the samples are never lost.
 */
@Component
class UnansweredFailures {

    private static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    private record Key(String account, String reasonCode, Instant window) {
    }

    private static final class Seen {

        final LoginDecision sample;
        final AtomicInteger unwritten = new AtomicInteger();
        final AtomicReference<Instant> written;

        Seen(LoginDecision sample, Instant now) {
            this.sample = sample;
            this.written = new AtomicReference<>(now);
        }
    }

    private final LoginDecisionRepository decisions;
    private final LoginFailureTally tallies;
    private final TransactionTemplate transactions;
    private final long intervalMillis;
    private final Map<Key, Seen> seen = new ConcurrentHashMap<>();

    UnansweredFailures(LoginDecisionRepository decisions, LoginFailureTally tallies,
            PlatformTransactionManager transactionManager, ImsConnectProperties properties) {
        this.decisions = decisions;
        this.tallies = tallies;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.intervalMillis = Math.max(1, properties.login().failureSampleInterval().toMillis());
    }

    /** Counts {@code failure}; returns the sample of its interval, {@code failure} itself when it is the first. */
    LoginDecision record(LoginDecision failure, String reasonCode) {
        Instant now = failure.occurredAt();
        Key key = new Key(failure.account(), reasonCode,
                Instant.ofEpochMilli(now.toEpochMilli() / intervalMillis * intervalMillis));
        Seen known = seen.get(key);
        if (known != null) {
            known.unwritten.incrementAndGet();
            Instant last = known.written.get();
            if (!now.isBefore(last.plus(WRITE_EVERY)) && known.written.compareAndSet(last, now)) {
                write(key, known);
            }
            return known.sample;
        }
        LoginDecision sample = transactions.execute(status -> {
            if (tallies.claim(key.account(), key.reasonCode(), key.window(), failure.id())) {
                decisions.insert(failure);
            }
            tallies.add(key.account(), key.reasonCode(), key.window(), 1);
            String id = tallies.sample(key.account(), key.reasonCode(), key.window()).orElse(failure.id());
            return id.equals(failure.id()) ? failure : decisions.find(id).orElse(failure);
        });
        seen.putIfAbsent(key, new Seen(sample, now));
        forgetBefore(key.window());
        return sample;
    }

    /** Writes what past intervals still owe and forgets them, so the map holds one interval's keys. */
    private void forgetBefore(Instant window) {
        seen.forEach((key, known) -> {
            if (key.window().isBefore(window) && seen.remove(key, known)) {
                write(key, known);
            }
        });
    }

    private void write(Key key, Seen known) {
        int count = known.unwritten.getAndSet(0);
        if (count > 0) {
            transactions.executeWithoutResult(
                    status -> tallies.add(key.account(), key.reasonCode(), key.window(), count));
        }
    }
}
