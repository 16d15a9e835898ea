package io.imsconnect.server.audit;

import java.time.Instant;

/** A filter over audit events; null parts match everything. */
public record AuditQuery(String actor, String action, String targetType, String target, Instant from, Instant to,
        int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        limit = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
        offset = Math.max(0, offset);
    }
}
