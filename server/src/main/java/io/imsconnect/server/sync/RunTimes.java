package io.imsconnect.server.sync;

import java.util.function.Supplier;

/**
 * The time a run spends reading the directory (HTTP and its JSON, the token included) and in its own database
 * calls and transactions, apart: each call is timed around itself, so the planner's work in Java between them
 * counts in neither, and an apply transaction counts whole (the little Java work in it, the diff and the audit
 * events' JSON, included). Drained into the run's row with the writes that record its progress
 * (docs/decisions/0021-directory-sync-writes-less.md). One per step of a run; not shared between threads.
 */
final class RunTimes {

    private long directoryNanos;
    private long databaseNanos;

    <T> T directory(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            directoryNanos += System.nanoTime() - start;
        }
    }

    <T> T database(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            databaseNanos += System.nanoTime() - start;
        }
    }

    void database(Runnable call) {
        database(() -> {
            call.run();
            return null;
        });
    }

    /** The whole milliseconds of directory time not drained yet; the remainder stays for the next drain. */
    long drainDirectoryMillis() {
        long millis = directoryNanos / 1_000_000;
        directoryNanos -= millis * 1_000_000;
        return millis;
    }

    /** The same for database time. */
    long drainDatabaseMillis() {
        long millis = databaseNanos / 1_000_000;
        databaseNanos -= millis * 1_000_000;
        return millis;
    }
}
