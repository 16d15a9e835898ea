package io.imsconnect.server.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.imsconnect.server.errors.Instants;

/** What the console's filter forms of this feature type: a day or an instant, blank meaning "any". */
final class ConsoleFilters {

    private ConsoleFilters() {
    }

    /**
     * The instant {@code from} names (a day is its start, UTC), or null when blank; a value that is not a date,
     * or out of {@link Instants}' range, is put in {@code errors} under {@code field}.
     */
    static Instant instant(String field, String value, Map<String, String> errors) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            Instant instant = given.length() == 10 ? LocalDate.parse(given).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(given);
            if (instant.isBefore(Instants.EARLIEST) || instant.isAfter(Instants.LATEST)) {
                errors.put(field, "must be between 1970-01-01 and 9999-12-31");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.put(field, "is not a date: write a day such as 2026-11-28 or an instant such as "
                    + "2026-11-28T09:00:00Z (UTC)");
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
