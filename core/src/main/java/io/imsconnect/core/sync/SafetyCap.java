package io.imsconnect.core.sync;

/**
 * How many operators one run may suspend or take a group from before it is held for an administrator:
 * more than {@code operators} or {@code percent} % of the account's operators, whichever is larger. A mask
 * typo must never empty the instance.
 */
public record SafetyCap(int operators, int percent) {

    public static final SafetyCap DEFAULT = new SafetyCap(10, 5);

    public SafetyCap {
        if (operators < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a cap is a count and a percentage: " + operators + " " + percent);
        }
    }

    /** The most operators a run may take access from, for an account of {@code accountOperators}. */
    public int limit(int accountOperators) {
        return Math.max(operators, (int) ((long) accountOperators * percent / 100));
    }
}
