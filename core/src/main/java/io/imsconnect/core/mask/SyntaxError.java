package io.imsconnect.core.mask;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * Where an RE2/J syntax error lies in a pattern. RE2/J's {@link PatternSyntaxException#getIndex()}
 * is always -1: it reports a description and the offending text instead, so the position is
 * recovered from those.
 */
record SyntaxError(String description, Optional<String> offendingPart, int position) {

    private static final String MISSING_CLOSING_PARENTHESIS = "missing closing )";
    private static final String TRAILING_BACKSLASH = "trailing backslash at end of expression";
    // RE2/J reports an unmatched ")" as an internal parser error; Go's RE2 says "unexpected )".
    private static final String INTERNAL_ERROR = "regexp/syntax: internal error";
    private static final String UNEXPECTED_CLOSING_PARENTHESIS = "unexpected )";

    static SyntaxError of(String pattern, PatternSyntaxException e) {
        String description = e.getDescription();
        String offending = e.getPattern();
        if (MISSING_CLOSING_PARENTHESIS.equals(description)) {
            // RE2/J quotes the whole pattern here; the ")" is missing at its end.
            return new SyntaxError(description, Optional.empty(), pattern.length());
        }
        if (TRAILING_BACKSLASH.equals(description)) {
            return new SyntaxError(description, Optional.of("\\"), pattern.length() - 1);
        }
        if (INTERNAL_ERROR.equals(description)) {
            int position = firstUnmatchedClosingParenthesis(pattern);
            return position == InvalidMaskException.UNKNOWN_POSITION
                    ? new SyntaxError(description, Optional.ofNullable(offending), position)
                    : new SyntaxError(UNEXPECTED_CLOSING_PARENTHESIS, Optional.of(")"), position);
        }
        if (offending == null || offending.isEmpty()) {
            return new SyntaxError(description, Optional.empty(), InvalidMaskException.UNKNOWN_POSITION);
        }
        // The parser stops at the first error from the left, so the first occurrence is the one.
        return new SyntaxError(description, Optional.of(offending), pattern.indexOf(offending));
    }

    /**
     * The parser fails on the first unmatched ")" it reads, so the shortest failing prefix ends
     * there. RE2/J itself decides what is a group, a class or an escape, not a second parser here.
     */
    private static int firstUnmatchedClosingParenthesis(String pattern) {
        for (int end = pattern.indexOf(')'); end >= 0; end = pattern.indexOf(')', end + 1)) {
            if (failsWithInternalError(pattern.substring(0, end + 1))) {
                return end;
            }
        }
        return InvalidMaskException.UNKNOWN_POSITION;
    }

    private static boolean failsWithInternalError(String prefix) {
        try {
            Pattern.compile(prefix);
            return false;
        } catch (PatternSyntaxException e) {
            return INTERNAL_ERROR.equals(e.getDescription());
        }
    }
}
