package io.imsconnect.server.errors;

import io.imsconnect.core.ControlCharacters;
import io.imsconnect.core.InternalNames;

/** Field checks of names and labels, with the internal-name syntax of {@link InternalNames}. */
public final class Names {

    public static final int MAX_INTERNAL_NAME = InternalNames.MAX_LENGTH;
    public static final int MAX_LABEL = 255;

    private Names() {
    }

    public static void checkInternalName(Violations violations, String field, String name) {
        if (name == null || name.isBlank()) {
            violations.add(field, "required", "is required: letters, digits and _, starting with a letter");
        } else if (name.length() > MAX_INTERNAL_NAME) {
            violations.add(field, "tooLong", "must be at most " + MAX_INTERNAL_NAME + " characters");
        } else if (!InternalNames.isValid(name)) {
            violations.add(field, "invalid",
                    "may hold only letters, digits and _, and must start with a letter (for example workflowSupervisor)");
        }
    }

    public static void checkLabel(Violations violations, String field, String label) {
        if (label == null || label.isBlank()) {
            violations.add(field, "required", "is required: a short text shown to people");
        } else if (ControlCharacters.contains(label)) {
            violations.add(field, ControlCharacters.CODE, ControlCharacters.message(label));
        } else if (label.length() > MAX_LABEL) {
            violations.add(field, "tooLong", "must be at most " + MAX_LABEL + " characters");
        }
    }
}
