package io.imsconnect.core;

/**
 * The characters refused in every text an administrator types into a single-line field (names, labels,
 * identifiers, URLs, masks), shared by security groups and external accounts so both refuse the same ones.
 *
 * <p>Refused: control characters (Unicode category Cc: NUL, ESC, CR, LF, tab …), which PostgreSQL refuses in
 * text (NUL) or which reach a terminal through the logs (ESC); format characters (Cf) such as the bidi embeddings
 * and overrides U+202A–U+202E and the isolates U+2066–U+2069, which make a label read differently from what is
 * stored; the line and paragraph separators U+2028 and U+2029; and unpaired surrogates, which are no text at all.
 * Allowed although they are format characters: ZERO WIDTH NON-JOINER and JOINER (U+200C, U+200D), which Persian
 * and Indic spelling and emoji sequences need. No field of the instance is multi-line, so no line break is allowed.
 */
public final class ControlCharacters {

    /** The code of the field error. */
    public static final String CODE = "controlCharacter";

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private ControlCharacters() {
    }

    /** The index (in chars) of the first refused character of {@code text}; -1 when there is none or no text. */
    public static int indexOfFirst(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (isRefused(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code text} holds a refused character. */
    public static boolean contains(String text) {
        return indexOfFirst(text) >= 0;
    }

    /**
     * The message of a field error for {@code text}, which must hold a refused character: which one, where, and
     * the fix. Names the character by its code point, never by itself, so the message stays readable.
     */
    public static String message(String text) {
        int index = indexOfFirst(text);
        if (index < 0) {
            throw new IllegalArgumentException("text holds no refused character");
        }
        return String.format("holds the invisible control character U+%04X at position %d; retype the value "
                + "without it (copying from a document or a terminal can bring such characters along)",
                text.codePointAt(index), index + 1);
    }

    private static boolean isRefused(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                true;
            case Character.FORMAT -> codePoint != ZERO_WIDTH_NON_JOINER && codePoint != ZERO_WIDTH_JOINER;
            default -> false;
        };
    }
}
