package io.imsconnect.server.provider;

import java.time.Instant;

import io.imsconnect.core.access.Identity;

/**
 * Who an API bearer token stands for, once its provider checked it.
 *
 * @param identity the identity and profiles, read as at sign-in
 * @param technical whether it is a technical account (client credentials), not a person
 * @param expiresAt when the token stops being valid; a checked answer is never kept past it
 */
public record BearerIdentity(Identity identity, boolean technical, Instant expiresAt) {
}
