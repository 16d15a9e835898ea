package io.imsconnect.server.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.server.config.ImsConnectProperties;

/**
 * Slows password guessing without letting a guesser shut the owner out (docs/decisions/0011):
 * <ul>
 * <li>per address, and per account from one address: past a threshold of failures each new failure holds that
 * key back twice as long as the last, up to a maximum. Only the guessing address is held back;</li>
 * <li>per account, from every address together: past the account threshold, every check from an address that
 * has not signed in to the account before waits a random delay first, so guesses from ever new addresses come
 * slowly. Nothing an unauthenticated party does blocks the account: the right password always gets in from an
 * address that is not itself guessing.</li>
 * </ul>
 * Attempts refused by a hold do not count, so the right password never lengthens one. Counters live in the
 * database so every node of a cluster sees them.
 */
@Component
class LoginThrottle {

    /** Failures older than this no longer count: a forgotten password last week does not block today. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    /** How long an address where the account signed in stays known, and so not slowed by others' guesses. */
    static final Duration KNOWN_FOR = Duration.ofDays(30);

    /** Before checking a password: refuse it unchecked, or check it after {@link #delay()}. */
    record Verdict(boolean held, Duration delay) {

        static final Verdict OPEN = new Verdict(false, Duration.ZERO);
        static final Verdict HELD = new Verdict(true, Duration.ZERO);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ImsConnectProperties.Security settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, ImsConnectProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.security();
    }

    @Transactional(readOnly = true)
    public Verdict before(String account, String address) {
        Instant now = clock.instant();
        if (heldBack(addressKey(address), now) || heldBack(pairKey(account, address), now)) {
            return Verdict.HELD;
        }
        if (recentFailures(accountKey(account), now) < settings.failuresBeforeBackOffPerAccount()
                || isKnown(account, address, now)) {
            return Verdict.OPEN;
        }
        // Jitter: guessers cannot line their attempts up with the delay, nor tell anything from its length.
        long base = settings.guessDelay().toMillis();
        return new Verdict(false, Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base + 1)));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String account, String address) {
        fail(accountKey(account), Integer.MAX_VALUE);
        fail(pairKey(account, address), settings.failuresBeforeBackOffPerAccount());
        fail(addressKey(address), settings.failuresBeforeBackOffPerAddress());
    }

    /** The owner got in from {@code address}: its own count there is cleared and the address is known. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String account, String address) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(pairKey(account, address)).update();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into login_known_address (account_key, address, last_success) values (?, ?, ?)"
                + " on conflict do nothing").params(accountKey(account), address(address), now).update();
        jdbc.sql("update login_known_address set last_success = ? where account_key = ? and address = ?")
                .params(now, accountKey(account), address(address)).update();
    }

    private boolean isKnown(String account, String address, Instant now) {
        return jdbc.sql("select last_success from login_known_address where account_key = ? and address = ?")
                .params(accountKey(account), address(address))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional()
                .filter(last -> last.isAfter(now.minus(KNOWN_FOR))).isPresent();
    }

    private boolean heldBack(String key, Instant now) {
        return blockedUntil(key).filter(now::isBefore).isPresent();
    }

    private int recentFailures(String key, Instant now) {
        return jdbc.sql("select failures, last_failure from login_throttle where throttle_key = ?").param(key)
                .query((rs, n) -> rs.getTimestamp(2).toInstant().isBefore(now.minus(FORGET_AFTER)) ? 0 : rs.getInt(1))
                .optional().orElse(0);
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

    private static String pairKey(String account, String address) {
        return "pair:" + address(address) + "|" + accountKey(account);
    }

    private static String addressKey(String address) {
        return "address:" + address(address);
    }

    /** The client address as the server sees it; {@code unknown} when the request named none. */
    private static String address(String address) {
        return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
