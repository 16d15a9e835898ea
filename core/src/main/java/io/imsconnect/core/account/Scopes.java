package io.imsconnect.core.account;

import java.util.Arrays;
import java.util.List;

/** OAuth 2.0 scopes as administrators write them and as RFC 6749 allows them. */
public final class Scopes {

    private Scopes() {
    }

    /**
     * Splits a scope list on commas and/or whitespace, dropping empty entries. IMS documents its
     * scopes comma-separated while OAuth 2.0 separates them with spaces; both are accepted.
     *
     * @return the scopes in the order written; empty for {@code null} or blank text
     */
    public static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(token -> !token.isEmpty()).toList();
    }

    /**
     * Whether a scope token has the syntax of RFC 6749 section 3.3:
     * {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}, that is printable ASCII without
     * space, double quote or backslash.
     */
    public static boolean isValidToken(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return token.chars().allMatch(Scopes::isScopeTokenCharacter);
    }

    private static boolean isScopeTokenCharacter(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }
}
