package io.imsconnect.core.sync;

import java.util.Objects;
import java.util.Set;

import io.imsconnect.core.access.Suspension;

/**
 * One operator of the account, as the plan needs it.
 *
 * @param suspension why the sync suspended it; {@code null} when it is not suspended
 * @param maskGroups its current MASK memberships only: MANUAL ones are never the sync's to change
 */
public record SyncedOperator(String name, String subject, String email, Suspension suspension,
        Set<String> maskGroups) {

    public SyncedOperator {
        Objects.requireNonNull(name, "name cannot be null");
        maskGroups = Set.copyOf(maskGroups);
    }

    public boolean suspended() {
        return suspension != null;
    }
}
