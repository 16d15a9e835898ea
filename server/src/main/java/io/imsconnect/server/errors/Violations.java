package io.imsconnect.server.errors;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request, so one answer names them all. */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String code, String message) {
        found.add(new FieldViolation(field, code, message));
        return this;
    }

    public boolean has(String field) {
        return found.stream().anyMatch(v -> v.field().equals(field));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
