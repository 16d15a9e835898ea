package io.imsconnect.server.audit;

import java.time.Instant;

/** One recorded administrative change: who did what to which thing, and its state before and after (JSON). */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String targetType, String target,
        String before, String after) {
}
