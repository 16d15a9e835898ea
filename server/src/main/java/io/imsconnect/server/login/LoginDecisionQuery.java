package io.imsconnect.server.login;

import java.time.Instant;

/**
 * A filter over login decisions; null parts match everything. {@code operator} matches the operator's name, or
 * the e-mail or subject of a sign-in that created no operator.
 */
public record LoginDecisionQuery(LoginOutcome outcome, String operator, String account, Instant from, Instant to,
        int limit) {

    public LoginDecisionQuery {
        limit = limit <= 0 ? 100 : Math.min(limit, 1000);
    }
}
