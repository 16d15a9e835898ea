package io.imsconnect.server.provider;

/** Claims of an unchecked token quoted in a refusal: short and plain, never markup or a whole token. */
final class BearerWords {

    private static final int MAX = 64;

    private BearerWords() {
    }

    static String safe(String value) {
        if (value == null) {
            return "(none)";
        }
        String plain = value.replaceAll("[^A-Za-z0-9@._:/+-]", "?");
        return "'" + (plain.length() > MAX ? plain.substring(0, MAX) + "…" : plain) + "'";
    }
}
