package io.imsconnect.server.operator;

import java.time.Instant;

/**
 * A person or technical account that may sign in. {@code origin} is {@value #LOCAL} for password operators,
 * or the internal name of the external account that created it, with the identity provider's {@code subject}.
 * {@code technical}: a technical account (client credentials), created at its first API call with a token.
 */
public record Operator(long id, String name, String label, String email, String origin, String subject,
        boolean disabled, boolean technical, Instant createdAt, Instant updatedAt) {

    public static final String LOCAL = "LOCAL";

    public boolean isLocal() {
        return LOCAL.equals(origin);
    }
}
