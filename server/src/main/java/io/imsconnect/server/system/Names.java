package io.imsconnect.server.system;

import java.util.regex.Pattern;

/**
 * The syntax of internal names (security groups, external accounts): letters, digits and {@code _},
 * starting with a letter, at most 64 characters. Campaign's own names ({@code workflowSupervisor},
 * {@code Adobe_Marketing_Cloud}) all fit.
 */
public final class Names {

    public static final int MAX_INTERNAL_NAME = 64;
    public static final int MAX_LABEL = 255;
    private static final Pattern INTERNAL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private Names() {
    }

    public static boolean isInternalName(String name) {
        return name != null && INTERNAL_NAME.matcher(name).matches();
    }

    public static void checkInternalName(Violations violations, String field, String name) {
        if (name == null || name.isBlank()) {
            violations.add(field, "required", "is required: letters, digits and _, starting with a letter");
        } else if (name.length() > MAX_INTERNAL_NAME) {
            violations.add(field, "tooLong", "must be at most " + MAX_INTERNAL_NAME + " characters");
        } else if (!isInternalName(name)) {
            violations.add(field, "invalid",
                    "may hold only letters, digits and _, and must start with a letter (for example workflowSupervisor)");
        }
    }

    public static void checkLabel(Violations violations, String field, String label) {
        if (label == null || label.isBlank()) {
            violations.add(field, "required", "is required: a short text shown to people");
        } else if (label.length() > MAX_LABEL) {
            violations.add(field, "tooLong", "must be at most " + MAX_LABEL + " characters");
        }
    }
}
