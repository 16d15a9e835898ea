package io.imsconnect.server.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import io.imsconnect.server.storage.Page;

/**
 * The audit log. Callers pass the before and after states as plain values that hold no secret: a secret
 * appears only as the fact that it changed.
 */
@Service
public class AuditService {

    public static final String SYSTEM_ACTOR = "system";

    private final AuditRepository events;
    private final JsonMapper json;
    private final Clock clock;

    AuditService(AuditRepository events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change within the caller's transaction, so a change that rolls back leaves no event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, String target, Object before, Object after) {
        events.insert(clock.instant(), currentActor(), action, targetType, target, toJson(before), toJson(after));
    }

    /** One event of {@link #recordAll}: what {@link #record} takes, but the time and the actor. */
    public record Entry(String action, String targetType, String target, Object before, Object after) {
    }

    /**
     * A state already written as a JSON object, stored as it is: for a caller that writes many events of one fixed
     * shape faster than the general mapper does (docs/decisions/0024-directory-sync-first-run.md). The caller
     * escapes every string it writes.
     */
    public record Json(String text) {
    }

    /**
     * Records many changes within the caller's transaction, in one batch (the directory sync applies hundreds of
     * operators at once), at the same time and by the same actor.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String actor = currentActor();
        events.insertAll(clock.instant(), actor, entries.stream().map(e -> new String[] { e.action(), e.targetType(),
                e.target(), toJson(e.before()), toJson(e.after()) }).toList());
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> find(AuditQuery query) {
        return events.find(query);
    }

    /** One page of the events the query matches, with how many it matches in all. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> page(AuditQuery query) {
        return new Page<>(events.find(query), events.count(query), query.offset(), query.limit());
    }

    private String toJson(Object state) {
        if (state instanceof Json written) {
            return written.text();
        }
        return state == null ? null : json.writeValueAsString(state);
    }

    /** Who is acting: the signed-in operator, or {@value #SYSTEM_ACTOR} at start-up and in background work. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM_ACTOR : authentication.getName();
    }
}
