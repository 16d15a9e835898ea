package io.imsconnect.server.preview;

import java.util.Locale;
import java.util.Set;

import io.imsconnect.core.mapping.ProfileMapping;

/**
 * What the mask makes of one profile name.
 *
 * @param matched whether the whole name matches the mask
 * @param capturedName capture group 1, stripped; absent when the name does not match
 * @param groupExists whether a security group has the captured name, so a login would get it
 * @param grantsAdmin whether the profile would give the right {@code admin}: its group holds it, or its name says
 *     "admin", which Adobe warns gives access to Campaign's control panel (docs/provider-facts.md#technical-accounts)
 */
record MaskPreviewRow(String profile, boolean matched, ProfileMapping.Status status, String capturedName,
        boolean groupExists, boolean grantsAdmin) {

    static MaskPreviewRow of(ProfileMapping mapping, Set<String> adminGroups) {
        boolean matched = mapping.status() != ProfileMapping.Status.NO_MATCH
                && mapping.status() != ProfileMapping.Status.TOO_LONG;
        boolean grantsAdmin = mapping.mapped() && adminGroups.contains(mapping.capturedName())
                || mapping.profileName().toLowerCase(Locale.ROOT).contains("admin");
        return new MaskPreviewRow(mapping.profileName(), matched, mapping.status(), mapping.capturedName(),
                mapping.mapped(), grantsAdmin);
    }
}
