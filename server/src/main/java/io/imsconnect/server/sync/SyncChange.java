package io.imsconnect.server.sync;

import java.util.List;

import io.imsconnect.core.sync.PlannedChange.Kind;

/** One operator's planned change in a run, and whether it was applied. */
public record SyncChange(long runId, int seq, Kind kind, String operator, String subject, String email,
        List<String> added, List<String> removed, String suspension, String reason, boolean applied) {
}
