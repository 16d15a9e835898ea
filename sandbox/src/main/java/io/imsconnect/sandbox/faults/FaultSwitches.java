package io.imsconnect.sandbox.faults;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults in force, switched at run time by the admin endpoint.
 */
public final class FaultSwitches {

    private final AtomicReference<Faults> current;

    public FaultSwitches(Faults initial) {
        this.current = new AtomicReference<>(initial == null ? Faults.NONE : initial);
    }

    public Faults current() {
        return current.get();
    }

    public void set(Faults faults) {
        current.set(faults == null ? Faults.NONE : faults);
    }
}
