package io.imsconnect.server.errors;

/**
 * A request that is well formed but clashes with the instance's state (HTTP 409): a duplicate name, a group
 * still in use, the last administrator. The field names what to change.
 */
public class ConflictException extends RuntimeException {

    private final FieldViolation violation;

    public ConflictException(String field, String code, String message) {
        super(message);
        this.violation = new FieldViolation(field, code, message);
    }

    public FieldViolation violation() {
        return violation;
    }
}
