package io.imsconnect.server.sync;

/** Where a directory-sync run stands. */
public enum RunState {
    /** Reading the directory, waiting out a throttle, or applying. */
    RUNNING,
    /** Read in full and applied. */
    SUCCEEDED,
    /** Read in full; the plan takes access from more operators than the cap allows: waits for an administrator. */
    HELD,
    /** Nothing applied: the directory could not be read in full, or the waits went past their bound. */
    FAILED,
    /** Read in full and planned; nothing applied, as asked. */
    DRY_RUN,
    /** Its node stopped mid-run; the next run starts clean. */
    ABANDONED,
    /** A held plan an administrator chose not to apply. */
    DISCARDED;

    public boolean ended() {
        return this != RUNNING;
    }
}
