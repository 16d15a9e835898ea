package io.imsconnect.server.errors;

/** The {@code limit} of a list request: how many items, from 1 to {@value #MAX}. */
public final class Limits {

    public static final int MAX = 1000;

    private Limits() {
    }

    public static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidInputException("limit", "outOfRange", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
