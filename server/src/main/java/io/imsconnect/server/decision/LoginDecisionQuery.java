package io.imsconnect.server.decision;

import java.time.Instant;

import io.imsconnect.core.access.Outcome;

/**
 * A filter over login decisions; null parts match everything. {@code operator} matches the operator's name, or
 * the e-mail or subject of a sign-in that created no operator.
 */
public record LoginDecisionQuery(Outcome outcome, String operator, String account, Instant from, Instant to,
        int limit, int offset) {

    public LoginDecisionQuery {
        limit = limit <= 0 ? 100 : Math.min(limit, 1000);
        offset = Math.max(0, offset);
    }
}
