package io.imsconnect.core.access;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.imsconnect.core.mapping.ProfileMapping;

/**
 * The one decision about an identity, whatever the outcome: whether access is allowed, the security groups
 * the mask gives (sorted), what became of each profile (kept when refused, so the recorded decision can say
 * why) and the reason in words an administrator can act on.
 */
public record AccessDecision(Outcome outcome, Set<String> groups, List<ProfileMapping> perProfile, String reason) {

    public AccessDecision {
        Objects.requireNonNull(outcome, "outcome cannot be null");
        Objects.requireNonNull(groups, "groups cannot be null");
        Objects.requireNonNull(perProfile, "perProfile cannot be null");
        Objects.requireNonNull(reason, "reason cannot be null");
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
        perProfile = List.copyOf(perProfile);
        if ((outcome == Outcome.ALLOWED) == groups.isEmpty()) {
            throw new IllegalArgumentException(
                    "an allowed decision needs at least one group and a refused one none: " + outcome + " " + groups);
        }
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
