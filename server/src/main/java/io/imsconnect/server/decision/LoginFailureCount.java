package io.imsconnect.server.decision;

import java.time.Instant;

/**
 * How many sign-ins failed before the provider's tokens came back, for one account, reason code and interval
 * (starting at {@code intervalStart}); {@code sample} is the reference of the one recorded in full as a login
 * decision, {@code reason} that decision's words. docs/decisions/0013.
 */
public record LoginFailureCount(String account, String reasonCode, Instant intervalStart, int failures,
        String sample, String reason) {
}
