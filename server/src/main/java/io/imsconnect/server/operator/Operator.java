package io.imsconnect.server.operator;

import java.time.Instant;

import io.imsconnect.core.access.Suspension;

/**
 * A person or technical account that may sign in. {@code origin} is {@value #LOCAL} for password operators,
 * or the internal name of the external account that created it, with the identity provider's {@code subject}.
 * {@code technical}: a technical account (client credentials), created at its first API call with a token.
 * {@code suspension} says why the directory sync suspended it ({@code null}: not suspended), in words in
 * {@code suspendedReason}.
 */
public record Operator(long id, String name, String label, String email, String origin, String subject,
        boolean disabled, boolean technical, Suspension suspension, String suspendedReason, Instant createdAt,
        Instant updatedAt) {

    public static final String LOCAL = "LOCAL";

    public boolean suspended() {
        return suspension != null;
    }

    public boolean isLocal() {
        return LOCAL.equals(origin);
    }
}
