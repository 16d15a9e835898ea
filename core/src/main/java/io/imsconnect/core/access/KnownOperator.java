package io.imsconnect.core.access;

import java.util.Objects;

/**
 * The instance's operator for an identity, when one exists: its name, whether an administrator disabled it,
 * and why the directory sync suspended it ({@code null}: not suspended).
 */
public record KnownOperator(String name, boolean disabled, Suspension suspension) {

    public KnownOperator {
        Objects.requireNonNull(name, "name cannot be null");
    }

    public boolean suspended() {
        return suspension != null;
    }
}
