package io.imsconnect.server.decision;

import java.time.Instant;

/**
 * A filter over the failure counts; null parts match everything. {@code from} and {@code to} bound the interval's
 * start; {@code offset} and {@code limit} page through the intervals, newest first.
 */
public record LoginFailureQuery(String account, String reasonCode, Instant from, Instant to, int offset,
        int limit) {
}
