package io.imsconnect.server.packages;

import java.time.Instant;

/** A known package and, once installed, when and by whom. */
public record PackageView(String name, String label, String version, boolean installed, Instant installedAt,
        String installedBy) {
}
