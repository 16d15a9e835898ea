package io.imsconnect.server.errors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The console's list filters as typed in a form: blank means "any", a time is a day ({@code 2026-11-28}, its start
 * in UTC) or an instant, and a bad one becomes a field error instead of a 400 page.
 */
public final class ConsoleFilters {

    /** Rows a console list page shows. */
    public static final int PAGE_SIZE = 50;

    private ConsoleFilters() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The instant typed in {@code field}; on a value that is not a date, or out of {@link Instants}' range, adds a
     * field error that says what to write.
     */
    public static Instant instant(String field, String typed, Map<String, String> errors) {
        String value = text(typed);
        if (value == null) {
            return null;
        }
        try {
            Instant at = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
            if (at.isBefore(Instants.EARLIEST) || at.isAfter(Instants.LATEST)) {
                errors.put(field, "must be between 1970-01-01 and 9999-12-31");
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.put(field, "is not a date: write a day such as 2026-11-28 or an instant such as "
                    + "2026-11-28T09:00:00Z (UTC)");
            return null;
        }
    }

    /** A page's first row from the {@code offset} request parameter; never negative. */
    public static int offset(Integer offset) {
        return offset == null ? 0 : Math.max(0, offset);
    }
}
