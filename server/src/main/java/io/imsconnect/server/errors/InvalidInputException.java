package io.imsconnect.server.errors;

import java.util.List;

/** A request refused before anything changed, with every bad field named (HTTP 400). */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("Invalid input: " + violations.stream().map(FieldViolation::field).toList());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations cannot be empty");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
