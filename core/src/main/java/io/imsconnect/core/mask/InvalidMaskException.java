package io.imsconnect.core.mask;

/**
 * An association mask that cannot be used, with a stable {@link #code()} for callers to map to a
 * field error and, for syntax errors, the {@link #position()} in the pattern where the error was
 * found. The message is written for the administrator who has to fix the pattern.
 */
public final class InvalidMaskException extends IllegalArgumentException {

    public static final String BLANK = "mask.blank";
    public static final String TOO_LONG = "mask.tooLong";
    public static final String SYNTAX = "mask.syntax";
    public static final String NO_CAPTURE_GROUP = "mask.noCaptureGroup";

    /** Position value when the error does not point at one character of the pattern. */
    public static final int UNKNOWN_POSITION = -1;

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int position;

    InvalidMaskException(String code, String message, int position) {
        super(message);
        this.code = code;
        this.position = position;
    }

    /** One of {@link #BLANK}, {@link #TOO_LONG}, {@link #SYNTAX}, {@link #NO_CAPTURE_GROUP}. */
    public String code() {
        return code;
    }

    /** Zero-based index in the pattern where the error was found, or {@link #UNKNOWN_POSITION}. */
    public int position() {
        return position;
    }
}
