package io.imsconnect.core.sync;

import java.util.List;
import java.util.Objects;

/**
 * One user as the Admin Console API lists them (docs/provider-facts.md#umapi-users).
 *
 * @param id the IMS user ID, which is the operator's subject; {@code null} when the answer leaves it out
 * @param status {@code active}, {@code disabled}, {@code locked} or {@code removed}
 * @param groups product profiles and user groups held, inherited ones included; empty when the answer has none
 */
public record DirectoryUser(String id, String email, String status, List<String> groups) {

    public static final String ACTIVE = "active";

    public DirectoryUser {
        id = id == null || id.isBlank() ? null : id;
        email = email == null || email.isBlank() ? null : email;
        status = status == null || status.isBlank() ? ACTIVE : status;
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (id == null && email == null) {
            throw new IllegalArgumentException("a directory user needs an id or an e-mail");
        }
    }

    public boolean active() {
        return ACTIVE.equalsIgnoreCase(status);
    }

    /** The subject the operator would get: the id; never the e-mail, which is not an identity. */
    public boolean hasId() {
        return Objects.nonNull(id);
    }
}
