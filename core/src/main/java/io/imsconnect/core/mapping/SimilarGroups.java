package io.imsconnect.core.mapping;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The "did you mean" of the mask preview: an existing security group whose internal name differs from a captured
 * name only by case or white space ({@code Delivery}, {@code de livery} for {@code delivery}). Groups are matched
 * exactly at sign-in, so such a near miss refuses the sign-in; the preview names the group an administrator most
 * likely meant. Pure.
 */
public final class SimilarGroups {

    private SimilarGroups() {
    }

    /**
     * The first such group in name order, or none; never the captured name itself, which is not a near miss.
     *
     * @param existingGroups internal names of the existing security groups
     */
    public static Optional<String> of(String capturedName, Collection<String> existingGroups) {
        Objects.requireNonNull(existingGroups, "existingGroups cannot be null");
        if (capturedName == null || capturedName.isBlank()) {
            return Optional.empty();
        }
        String wanted = folded(capturedName);
        return existingGroups.stream().filter(group -> !group.equals(capturedName))
                .filter(group -> folded(group).equals(wanted)).sorted().findFirst();
    }

    private static String folded(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(folded::appendCodePoint);
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
