package io.imsconnect.core.account;

import java.util.Objects;

/**
 * One reason an external account's settings are refused.
 *
 * @param field the JSON field name, such as {@code callbackServer}
 * @param code a stable code for callers and tests, such as {@code url.notHttps}
 * @param message what the administrator should do, written to follow the field's label
 *     ("must be an absolute https URL such as …")
 */
public record FieldViolation(String field, String code, String message) {

    public FieldViolation {
        requireText(field, "field");
        requireText(code, "code");
        requireText(message, "message");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " cannot be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " cannot be blank");
        }
    }
}
