package io.imsconnect.core.sync;

import io.imsconnect.core.account.AccountSettings;

/**
 * How many operators one run may suspend or take a group from before it is held for an administrator:
 * more than {@code operators} or {@code percent} % of the account's operators, whichever is larger. A mask
 * typo must never empty the instance.
 */
public record SafetyCap(int operators, int percent) {

    public static final SafetyCap DEFAULT = new SafetyCap(AccountSettings.DEFAULT_SYNC_CAP_OPERATORS,
            AccountSettings.DEFAULT_SYNC_CAP_PERCENT);

    public SafetyCap {
        if (operators < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a cap is a count and a percentage: " + operators + " " + percent);
        }
    }

    /** The account's cap ({@code syncCapOperators}, {@code syncCapPercent}). */
    public static SafetyCap of(AccountSettings account) {
        return new SafetyCap(account.syncCapOperators(), account.syncCapPercent());
    }

    /** The most operators a run may take access from, for an account of {@code accountOperators}. */
    public int limit(int accountOperators) {
        return Math.max(operators, (int) ((long) accountOperators * percent / 100));
    }
}
