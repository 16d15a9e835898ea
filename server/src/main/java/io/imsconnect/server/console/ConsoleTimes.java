package io.imsconnect.server.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * Instants as the console shows them: to the second in UTC, the form pages keep when JavaScript is off; with it
 * {@code /assets/js/console.js} rewrites each {@code <time>} in the browser's zone and keeps the UTC value on hover.
 * Templates call it as {@code @consoleTimes}.
 */
@Component("consoleTimes")
public class ConsoleTimes {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** {@code 2026-11-29 12:04:05 UTC}: to the second, never microseconds. */
    public String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** The machine-readable value of a {@code <time datetime>}: ISO-8601 in UTC, to the second. */
    public String iso(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
