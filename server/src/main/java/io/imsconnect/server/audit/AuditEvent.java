package io.imsconnect.server.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One recorded administrative change: who did what to which thing, and its state before and after, kept as
 * JSON text and written into API answers as JSON, not as a string of JSON.
 */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String targetType, String target,
        @JsonRawValue String before, @JsonRawValue String after) {
}
