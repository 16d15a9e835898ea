package io.imsconnect.server.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nonces of the ID tokens that reached a sign-in's decision, each usable once (OpenID Connect Core §15.5.2,
 * nonce implementation notes): the authorization request travels in a sealed cookie
 * ({@link AuthorizationRequestCookie}) that the instance does not delete, so a replayed callback is stopped here,
 * inside the sign-in's own transaction, whatever the provider does with a code used twice (docs/decisions/0025).
 * A nonce older than the cookie's lifetime (plus a margin for clocks) can no longer come back with a valid cookie;
 * such rows are deleted, at most once a minute per node.
 */
@Component
class UsedNonces {

    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration kept;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    UsedNonces(JdbcClient jdbc, Clock clock, @Value("${spring.session.timeout:10m}") Duration cookieLifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.kept = cookieLifetime.plus(MARGIN);
    }

    /** Records the nonce; false when it was recorded before (a replay), in this transaction's view. */
    boolean firstUse(String nonce) {
        Instant now = clock.instant();
        Instant last = lastCleanup.get();
        if (last.plus(CLEANUP_INTERVAL).isBefore(now) && lastCleanup.compareAndSet(last, now)) {
            jdbc.sql("delete from used_nonce where used_at < ?").param(Timestamp.from(now.minus(kept))).update();
        }
        return jdbc.sql("insert into used_nonce (nonce, used_at) values (?, ?) on conflict do nothing")
                .params(nonce, Timestamp.from(now)).update() == 1;
    }
}
