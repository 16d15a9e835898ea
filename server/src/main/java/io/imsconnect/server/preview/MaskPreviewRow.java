package io.imsconnect.server.preview;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;

import io.imsconnect.core.mapping.ProfileMapping;
import io.imsconnect.core.mapping.SimilarGroups;
import io.imsconnect.core.mask.AssociationMask;

/**
 * What the mask makes of one profile name.
 *
 * @param matched whether the whole name matches the mask
 * @param capturedName capture group 1, stripped; absent when the name does not match
 * @param groupExists whether a security group has the captured name, so a login would get it
 * @param grantsAdmin whether the profile would give the right {@code admin}: its group holds it, or its name says
 *     "admin", which Adobe warns gives access to Campaign's control panel (docs/provider-facts.md#technical-accounts)
 * @param explanation what the status means, in words (added after {@code status}, which stays for scripts)
 * @param didYouMean for a captured name that names no group: the existing group it misses only by case or spaces
 *     (absent otherwise)
 */
record MaskPreviewRow(String profile, boolean matched, ProfileMapping.Status status, String capturedName,
        boolean groupExists, boolean grantsAdmin, String explanation, String didYouMean) {

    static MaskPreviewRow of(ProfileMapping mapping, Set<String> existingGroups, Set<String> adminGroups,
            MessageSource messages) {
        boolean matched = mapping.status() != ProfileMapping.Status.NO_MATCH
                && mapping.status() != ProfileMapping.Status.TOO_LONG;
        boolean grantsAdmin = mapping.mapped() && adminGroups.contains(mapping.capturedName())
                || mapping.profileName().toLowerCase(Locale.ROOT).contains("admin");
        String didYouMean = mapping.status() == ProfileMapping.Status.UNKNOWN_GROUP
                ? SimilarGroups.of(mapping.capturedName(), existingGroups).orElse(null) : null;
        String explanation = messages.getMessage("mask.outcome." + mapping.status(), new Object[] {
                mapping.capturedName(), AssociationMask.MAX_PROFILE_NAME_LENGTH }, Locale.ENGLISH);
        return new MaskPreviewRow(mapping.profileName(), matched, mapping.status(), mapping.capturedName(),
                mapping.mapped(), grantsAdmin, explanation, didYouMean);
    }
}
