package io.imsconnect.server.errors;

/** The {@code limit} of a list request: how many items, from 1 to {@value #MAX}; and its {@code offset}. */
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

    /** The {@code offset} of a paged list request: how many items to skip, 0 or more. */
    public static int checkOffset(int offset) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "outOfRange", "must be 0 or more");
        }
        return offset;
    }
}
