package io.imsconnect.server.provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The header and claims of a JWT read WITHOUT checking its signature: only to route a bearer token to the
 * account that will check it (IMS by its {@code client_id}, an OpenID provider by its {@code iss}). Nothing
 * read here is trusted; the account's provider validates the token before anything is decided.
 */
public record UnverifiedClaims(JsonNode header, JsonNode claims) {

    /** Longer than any access token seen in practice: a bigger header is refused before it is parsed. */
    public static final int MAX_TOKEN_LENGTH = 16_384;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The token's header and claims; empty when it is not a JWT (an opaque or garbage token). */
    public static Optional<UnverifiedClaims> of(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(decode(parts[0]));
            JsonNode claims = JSON.readTree(decode(parts[1]));
            return header.isObject() && claims.isObject() ? Optional.of(new UnverifiedClaims(header, claims))
                    : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    /** A claim as text (IMS writes its numbers as strings); {@code null} when absent or not a scalar. */
    public String text(String name) {
        JsonNode value = claims.path(name);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
