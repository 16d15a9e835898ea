package io.imsconnect.server.decision;

import java.time.Instant;
import java.util.List;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.mapping.ProfileMapping;

/**
 * The recorded outcome of one sign-in: who (account, subject, e-mail, operator), the outcome and the reason
 * in words, the profiles seen, what the mask made of each, and the MASK groups granted, added and removed.
 */
public record LoginDecision(String id, Instant occurredAt, String account, String subject, String email,
        String operator, Outcome outcome, String reason, List<String> profiles, List<ProfileMapping> perProfile,
        List<String> groupsGranted, List<String> groupsAdded, List<String> groupsRemoved) {

    public LoginDecision {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        perProfile = perProfile == null ? List.of() : List.copyOf(perProfile);
        groupsGranted = groupsGranted == null ? List.of() : List.copyOf(groupsGranted);
        groupsAdded = groupsAdded == null ? List.of() : List.copyOf(groupsAdded);
        groupsRemoved = groupsRemoved == null ? List.of() : List.copyOf(groupsRemoved);
    }
}
