package io.imsconnect.sandbox.data;

import java.util.List;
import java.util.Objects;

/**
 * An Admin Console user group: its members inherit its product profiles.
 */
public record UserGroup(String name, List<String> profiles) {

    public UserGroup {
        Objects.requireNonNull(name, "user group name cannot be null");
        profiles = List.copyOf(profiles);
    }
}
