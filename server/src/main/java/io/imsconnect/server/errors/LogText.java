package io.imsconnect.server.errors;

/**
 * Text from outside (a name in a URL, a subject from a provider) made safe for one log line: control
 * characters, line breaks and invisible format characters (bidi marks) written as {@code \\uXXXX}, so they
 * cannot colour a terminal, forge a line or reorder what an administrator reads; cut at 100 characters.
 */
public final class LogText {

    private static final int MAX = 100;

    private LogText() {
    }

    /** {@code value} escaped and in single quotes; {@code null} as is. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8).append('\'');
        int end = Math.min(value.length(), MAX);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX) {
            out.append("…");
        }
        return out.append('\'').toString();
    }
}
