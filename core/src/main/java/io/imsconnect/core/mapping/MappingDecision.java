package io.imsconnect.core.mapping;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of mapping one user's product profiles: whether the login may go on, the security
 * groups the mask gives (sorted), and what became of each profile, kept even when refused so the
 * recorded login decision can say why.
 */
public record MappingDecision(Outcome outcome, Set<String> groups, List<ProfileMapping> perProfile) {

    public enum Outcome {
        ALLOWED,
        REFUSED_NOT_IN_ORGANIZATION,
        REFUSED_NO_MATCHING_GROUP
    }

    public MappingDecision {
        Objects.requireNonNull(outcome, "outcome cannot be null");
        Objects.requireNonNull(groups, "groups cannot be null");
        Objects.requireNonNull(perProfile, "perProfile cannot be null");
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
        perProfile = List.copyOf(perProfile);
        if ((outcome == Outcome.ALLOWED) == groups.isEmpty()) {
            throw new IllegalArgumentException(
                    "an allowed decision needs at least one group and a refused one none: "
                            + outcome + " " + groups);
        }
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
