package io.imsconnect.server.preview;

import io.imsconnect.core.mapping.ProfileMapping;

/**
 * What the mask makes of one profile name.
 *
 * @param matched whether the whole name matches the mask
 * @param capturedName capture group 1, stripped; absent when the name does not match
 * @param groupExists whether a security group has the captured name, so a login would get it
 */
record MaskPreviewRow(String profile, boolean matched, ProfileMapping.Status status, String capturedName,
        boolean groupExists) {

    static MaskPreviewRow of(ProfileMapping mapping) {
        boolean matched = mapping.status() != ProfileMapping.Status.NO_MATCH
                && mapping.status() != ProfileMapping.Status.TOO_LONG;
        return new MaskPreviewRow(mapping.profileName(), matched, mapping.status(), mapping.capturedName(),
                mapping.mapped());
    }
}
