package io.imsconnect.server.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.server.config.ImsConnectProperties;

/**
 * Slows down password guessing, per account and per client address: past a threshold of consecutive
 * failures each new failure blocks the key for twice as long as the last, up to a maximum. A blocked account
 * stays open to addresses with no recent failure, so one guesser cannot lock the break-glass operator out of
 * everywhere; guesses from ever new addresses are capped by {@link #ACCOUNT_CEILING}. Attempts refused by a block do not count, so the right
 * password never lengthens one. The counters live in the database so every node of a cluster sees them. A
 * success clears the account's counter.
 */
@Component
class LoginThrottle {

    /** Failures older than this no longer count: a forgotten password last week does not block today. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    /**
     * Past this many times the account threshold, the account is blocked for every address too: guessing
     * from ever new addresses stops there (at the price that such an attack also locks the account).
     */
    static final int ACCOUNT_CEILING = 4;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ImsConnectProperties.Security settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, ImsConnectProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.security();
    }

    @Transactional(readOnly = true)
    public boolean isBlocked(String account, String address) {
        Instant now = clock.instant();
        if (address != null && blockedUntil(addressKey(address)).filter(now::isBefore).isPresent()) {
            return true;
        }
        boolean accountBlocked = blockedUntil(accountKey(account)).filter(now::isBefore).isPresent();
        return accountBlocked && (address == null || recentFailures(addressKey(address), now) > 0
                || recentFailures(accountKey(account), now) >= ACCOUNT_CEILING * settings.failuresBeforeBackOffPerAccount());
    }

    private int recentFailures(String key, Instant now) {
        return jdbc.sql("select failures, last_failure from login_throttle where throttle_key = ?").param(key)
                .query((rs, n) -> rs.getTimestamp(2).toInstant().isBefore(now.minus(FORGET_AFTER)) ? 0 : rs.getInt(1))
                .optional().orElse(0);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String account, String address) {
        fail(accountKey(account), settings.failuresBeforeBackOffPerAccount());
        if (address != null) {
            fail(addressKey(address), settings.failuresBeforeBackOffPerAddress());
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String account) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(accountKey(account)).update();
    }

    private void fail(String key, int threshold) {
        Instant now = clock.instant();
        Timestamp forgetBefore = Timestamp.from(now.minus(FORGET_AFTER));
        // One atomic increment per failure, so concurrent guesses cannot overwrite each other's count.
        String increment = "update login_throttle set failures = case when last_failure < ? then 1 else failures + 1 end,"
                + " last_failure = ? where throttle_key = ?";
        if (jdbc.sql(increment).params(forgetBefore, Timestamp.from(now), key).update() == 0) {
            try {
                jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure) values (?, 1, ?)")
                        .params(key, Timestamp.from(now)).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql(increment).params(forgetBefore, Timestamp.from(now), key).update();
            }
        }
        int failures = recentFailures(key, now);
        if (failures >= threshold) {
            jdbc.sql("update login_throttle set blocked_until = ? where throttle_key = ?")
                    .params(Timestamp.from(now.plus(backOff(failures - threshold))), key).update();
        }
    }

    /** The first back-off when reaching the threshold, then twice as long each time, up to the maximum. */
    private Duration backOff(int beyondThreshold) {
        Duration max = settings.maxBackOff();
        Duration backOff = settings.firstBackOff().multipliedBy(1L << Math.min(beyondThreshold, 30));
        return backOff.compareTo(max) > 0 ? max : backOff;
    }

    private Optional<Instant> blockedUntil(String key) {
        return jdbc.sql("select blocked_until from login_throttle where throttle_key = ?").param(key)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(o -> o);
    }

    private static String accountKey(String account) {
        String normalized = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
        return "account:" + (normalized.length() > 300 ? normalized.substring(0, 300) : normalized);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
