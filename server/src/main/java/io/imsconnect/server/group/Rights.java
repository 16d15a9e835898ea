package io.imsconnect.server.group;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The named rights a security group can grant. Campaign's standard groups each carry a right of the same
 * name; rights add up across an operator's groups. {@code admin} opens the administration.
 */
public final class Rights {

    public static final String ADMIN = "admin";

    public static final List<String> STANDARD = List.of(ADMIN, "delivery", "operation", "content", "report",
            "workflow", "workflowSupervisor", "central", "local", "offer");

    private static final Set<String> KNOWN = Collections.unmodifiableSet(new LinkedHashSet<>(STANDARD));

    private Rights() {
    }

    public static Set<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String right) {
        return KNOWN.contains(right);
    }
}
