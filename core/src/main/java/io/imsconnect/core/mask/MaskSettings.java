package io.imsconnect.core.mask;

import java.util.Objects;

/**
 * What an administrator wrote for an association mask: the regular expression and whether its
 * literal part ignores case. Checking that the pattern is usable is {@link AssociationMask#compile}'s
 * job, so that a bad pattern can be reported with a code and a position instead of failing here.
 *
 * @param pattern the RE2 regular expression, capture group 1 being a security group's internal name
 * @param ignoresCase whether the pattern matches regardless of case
 */
public record MaskSettings(String pattern, boolean ignoresCase) {

    public MaskSettings {
        Objects.requireNonNull(pattern, "pattern cannot be null");
    }
}
