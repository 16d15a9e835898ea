package io.imsconnect.server.sync;

import java.time.Instant;

/**
 * One run, with its live progress: pages and users read, the changes planned and applied, how many of them take
 * access away against the cap's limit, whether the plan is made (then only applying remains), the time spent waiting
 * on the directory and the retries, why it ended as it did, and the milliseconds it spent reading the directory and
 * in the database, apart (docs/decisions/0021-directory-sync-writes-less.md).
 */
public record SyncRun(long id, String account, RunState state, boolean dryRun, String startedBy, Instant startedAt,
        Instant endedAt, int nextPage, int pages, int usersRead, int plannedChanges, int appliedChanges,
        int takingAccess, int capLimit, long waitedMillis, int retries, boolean planned, String reason,
        long directoryMillis, long databaseMillis) {
}
