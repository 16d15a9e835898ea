package io.imsconnect.server.errors;

import org.springframework.util.Assert;

/**
 * One bad field of a request: which field, a stable code for machines, and a message that names the fix.
 */
public record FieldViolation(String field, String code, String message) {

    public FieldViolation {
        Assert.hasText(field, "field cannot be empty");
        Assert.hasText(code, "code cannot be empty");
        Assert.hasText(message, "message cannot be empty");
    }
}
