package io.imsconnect.server.operator;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.imsconnect.server.group.Membership;

/**
 * An operator as the console and the API show it: who, where from, whether a technical account, disabled by an
 * administrator or suspended by the directory sync (and why), memberships with their source, rights.
 */
public record OperatorView(String name, String label, String email, String origin, boolean technical,
        boolean disabled, boolean suspended, String suspendedReason, Instant createdAt, Instant updatedAt,
        List<Membership> groups, Set<String> rights) {
}
