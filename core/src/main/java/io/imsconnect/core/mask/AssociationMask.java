package io.imsconnect.core.mask;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled association mask: turns the name of a product profile into the internal name of a
 * security group (capture group 1).
 *
 * <p>Decisions, each pinned by a test:
 * <ul>
 *   <li>Patterns run on RE2/J, whose matching time is linear in the input, so an administrator's
 *       pattern cannot stall a login (no catastrophic backtracking). Patterns and profile names are
 *       capped in length on top of that.</li>
 *   <li>The whole profile name must match ({@code Campaign - acme - (.*)} does not accept
 *       {@code Old Campaign - acme - delivery}): a partial match would let unrelated profiles grant
 *       groups.</li>
 *   <li>Stray spaces are the most common mistake in Admin Console profile names, so a name that
 *       does not match as written is tried again without its surrounding whitespace, and the
 *       captured text is stripped. Nothing else is normalised: a look-alike letter from another
 *       script (Cyrillic {@code а} for Latin {@code a}) is a different character and does not
 *       match.</li>
 *   <li>{@link MaskSettings#ignoresCase()} applies to the pattern only. The captured name keeps the
 *       case written in the profile name and is looked up exactly, because group internal names
 *       are case-sensitive: {@code Campaign - acme - Delivery} names a group {@code Delivery},
 *       not {@code delivery}, and the mask preview shows it as an unknown group.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class AssociationMask {

    public static final int MAX_PATTERN_LENGTH = 1000;
    public static final int MAX_PROFILE_NAME_LENGTH = 1000;

    private final MaskSettings settings;
    private final Pattern compiled;

    private AssociationMask(MaskSettings settings, Pattern compiled) {
        this.settings = settings;
        this.compiled = compiled;
    }

    /**
     * Compiles a mask, refusing one that could never map a profile to a group.
     *
     * @throws InvalidMaskException when the pattern is blank, too long, not valid RE2 syntax or has
     *     no capture group
     */
    public static AssociationMask compile(MaskSettings settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        String pattern = settings.pattern();
        if (pattern.isBlank()) {
            throw new InvalidMaskException(InvalidMaskException.BLANK,
                    "must not be blank: write a regular expression whose capture group 1 is the"
                            + " group's internal name, such as Campaign - acme - (.*)",
                    InvalidMaskException.UNKNOWN_POSITION);
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidMaskException(InvalidMaskException.TOO_LONG,
                    "is " + pattern.length() + " characters long; shorten it to at most "
                            + MAX_PATTERN_LENGTH + " characters",
                    MAX_PATTERN_LENGTH);
        }
        Pattern compiled = compileOrExplain(pattern, settings.ignoresCase());
        if (compiled.groupCount() < 1) {
            throw new InvalidMaskException(InvalidMaskException.NO_CAPTURE_GROUP,
                    "has no capture group: put the part of the product-profile name that is the"
                            + " group's internal name in parentheses, such as Campaign - acme - (.*)",
                    InvalidMaskException.UNKNOWN_POSITION);
        }
        return new AssociationMask(settings, compiled);
    }

    private static Pattern compileOrExplain(String pattern, boolean ignoresCase) {
        try {
            return Pattern.compile(pattern, ignoresCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            SyntaxError error = SyntaxError.of(pattern, e);
            String where = error.position() == InvalidMaskException.UNKNOWN_POSITION
                    ? ""
                    : " at index " + error.position();
            throw new InvalidMaskException(InvalidMaskException.SYNTAX,
                    "is not a valid regular expression: " + error.description() + where
                            + error.offendingPart().map(part -> " (" + part + ")").orElse(""),
                    error.position());
        }
    }

    /**
     * The internal name a product profile names, if the whole profile name matches (as written,
     * or else without surrounding whitespace).
     *
     * @return capture group 1, stripped of surrounding whitespace (possibly empty when the group
     *     matched only whitespace); empty when the name does not match, is longer than
     *     {@link #MAX_PROFILE_NAME_LENGTH}, or group 1 took no part in the match
     */
    public Optional<String> capture(String profileName) {
        return fullMatch(profileName).map(matcher -> matcher.group(1)).map(String::strip);
    }

    /**
     * Whether the whole profile name matches (as written, or else without surrounding whitespace),
     * whatever group 1 captured. Tells a name that does not match from one whose optional group 1
     * took no part in the match.
     */
    public boolean matches(String profileName) {
        return fullMatch(profileName).isPresent();
    }

    private Optional<Matcher> fullMatch(String profileName) {
        Objects.requireNonNull(profileName, "profileName cannot be null");
        if (profileName.length() > MAX_PROFILE_NAME_LENGTH) {
            return Optional.empty();
        }
        Matcher asWritten = compiled.matcher(profileName);
        if (asWritten.matches()) {
            return Optional.of(asWritten);
        }
        String stripped = profileName.strip();
        if (stripped.length() == profileName.length()) {
            return Optional.empty();
        }
        Matcher withoutSpaces = compiled.matcher(stripped);
        return withoutSpaces.matches() ? Optional.of(withoutSpaces) : Optional.empty();
    }

    public MaskSettings settings() {
        return settings;
    }

    public String pattern() {
        return settings.pattern();
    }

    @Override
    public String toString() {
        return "AssociationMask[" + settings + "]";
    }
}
