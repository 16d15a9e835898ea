package io.imsconnect.server.errors;

import org.springframework.util.Assert;

/**
 * One bad field of a request: which field, a stable code for machines, and a message that names the fix.
 * The field and message are cut at {@value #MAX_FIELD} and {@value #MAX_MESSAGE} characters: both can quote
 * what the client sent (an unknown field's name, a refused value), and an error must never be larger than a few
 * kilobytes whatever the request was.
 */
public record FieldViolation(String field, String code, String message) {

    public static final int MAX_FIELD = 200;
    public static final int MAX_MESSAGE = 1000;

    public FieldViolation {
        Assert.hasText(field, "field cannot be empty");
        Assert.hasText(code, "code cannot be empty");
        Assert.hasText(message, "message cannot be empty");
        field = cut(field, MAX_FIELD);
        message = cut(message, MAX_MESSAGE);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
