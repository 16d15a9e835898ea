package io.imsconnect.core.access;

import java.util.Objects;

/** The instance's operator for an identity, when one exists: its name and whether an administrator disabled it. */
public record KnownOperator(String name, boolean disabled) {

    public KnownOperator {
        Objects.requireNonNull(name, "name cannot be null");
    }
}
