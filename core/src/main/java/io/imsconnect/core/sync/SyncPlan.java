package io.imsconnect.core.sync;

import java.util.List;

/**
 * A run's plan: one change per operator that needs one, how many take access away, the cap's limit and
 * whether the plan is held for an administrator because it goes past it.
 */
public record SyncPlan(List<PlannedChange> changes, int usersRead, int takingAccess, int limit) {

    public SyncPlan {
        changes = List.copyOf(changes);
    }

    public boolean held() {
        return takingAccess > limit;
    }
}
