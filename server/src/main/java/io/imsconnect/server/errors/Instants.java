package io.imsconnect.server.errors;

import java.time.Instant;

/**
 * The {@code from} and {@code to} of a list request: instants from 1970 to the end of 9999. Java reads instants
 * from year -1,000,000,000 to +1,000,000,000, which neither database stores (H2 and PostgreSQL timestamps end in
 * the years 4713 BC and 294276 AD, and the JDBC conversion overflows long before): such a filter used to match
 * nothing and answer an empty list, as if there were no events, instead of saying the request was wrong.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Instants() {
    }

    /** Refuses (400) each of {@code from} and {@code to} that is given and out of range, naming it. */
    public static void checkFromTo(Instant from, Instant to) {
        Violations violations = new Violations();
        check(violations, "from", from);
        check(violations, "to", to);
        violations.throwIfAny();
    }

    private static void check(Violations violations, String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            violations.add(field, "outOfRange",
                    "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, such as 2026-11-28T09:00:00Z");
        }
    }
}
