/**
 * The association mask applied to product profiles: what the mask makes of each profile name (matched,
 * the captured group, whether that group exists), for the access decision and the mask preview.
 */
package io.imsconnect.core.mapping;
