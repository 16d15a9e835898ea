package io.imsconnect.core.sync;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.imsconnect.core.access.Suspension;

/**
 * What the plan does to one operator, and why in words.
 *
 * @param operator the operator's name; {@code null} for {@link Kind#CREATE}
 * @param subject the identity (IMS user ID) of a created operator, else the operator's
 * @param add MASK groups to add, sorted
 * @param remove MASK groups to remove, sorted
 * @param suspension the ground of a {@link Kind#SUSPEND}; {@code null} otherwise
 */
public record PlannedChange(Kind kind, String operator, String subject, String email, Set<String> add,
        Set<String> remove, Suspension suspension, String reason) {

    public enum Kind {
        /** The MASK memberships follow the directory. */
        GROUPS,
        /** MASK memberships removed, sign-in refused, live sessions ended. */
        SUSPEND,
        /** A suspended operator is granted again: suspension lifted, MASK memberships set. */
        RESTORE,
        /** An operator created ahead of its first sign-in (the account's pre-creation). */
        CREATE,
        /** The e-mail names more than one operator: reported, nothing changed. */
        AMBIGUOUS
    }

    public PlannedChange {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(reason, "reason cannot be null");
        add = Collections.unmodifiableSortedSet(new TreeSet<>(add));
        remove = Collections.unmodifiableSortedSet(new TreeSet<>(remove));
        if ((kind == Kind.SUSPEND) != (suspension != null)) {
            throw new IllegalArgumentException("a suspension, and only it, has a ground: " + kind + " " + suspension);
        }
    }
}
