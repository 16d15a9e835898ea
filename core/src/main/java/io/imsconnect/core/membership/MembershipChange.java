package io.imsconnect.core.membership;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The memberships of source {@code MASK} to add and to remove so that an operator's mask-derived
 * groups become exactly the wanted ones. Memberships an administrator gave by hand ({@code MANUAL})
 * are never passed in, so they can never be removed here: a user asked to keep hand-given access
 * whatever the directory says. A group the operator already holds by hand may still appear in
 * {@code add}; whether to record it a second time, as {@code MASK}, is the caller's choice.
 *
 * @param add groups to add as {@code MASK} memberships, sorted
 * @param remove {@code MASK} memberships to remove, sorted
 */
public record MembershipChange(Set<String> add, Set<String> remove) {

    public MembershipChange {
        Objects.requireNonNull(add, "add cannot be null");
        Objects.requireNonNull(remove, "remove cannot be null");
        add = Collections.unmodifiableSortedSet(new TreeSet<>(add));
        remove = Collections.unmodifiableSortedSet(new TreeSet<>(remove));
        if (!Collections.disjoint(add, remove)) {
            throw new IllegalArgumentException("a group cannot be both added and removed: "
                    + add + " " + remove);
        }
    }

    /**
     * The whole-set difference, computed once, rather than one change per product profile, so a
     * group named by two profiles is neither added twice nor removed while another still names it.
     *
     * @param currentMaskGroups the operator's current {@code MASK} memberships only
     * @param wantedGroups the groups the mapping decision gives
     */
    public static MembershipChange between(Set<String> currentMaskGroups, Set<String> wantedGroups) {
        Objects.requireNonNull(currentMaskGroups, "currentMaskGroups cannot be null");
        Objects.requireNonNull(wantedGroups, "wantedGroups cannot be null");
        Set<String> add = new TreeSet<>(wantedGroups);
        add.removeAll(currentMaskGroups);
        Set<String> remove = new TreeSet<>(currentMaskGroups);
        remove.removeAll(wantedGroups);
        return new MembershipChange(add, remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }
}
