package io.imsconnect.server.preview;

import java.util.List;

/**
 * A mask to try on profile names: either {@code mask} (and {@code maskIgnoresCase}, default true) or the
 * {@code account} whose saved mask to use.
 */
record MaskPreviewRequest(String mask, Boolean maskIgnoresCase, List<String> profiles, String account) {
}
