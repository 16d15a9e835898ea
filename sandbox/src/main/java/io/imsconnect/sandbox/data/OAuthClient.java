package io.imsconnect.sandbox.data;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OAuth client registered with the sandbox IMS.
 *
 * @param clientId the client ID (for directory clients also the UMAPI {@code x-api-key})
 * @param secret the client secret
 * @param type {@link Type#WEB} signs users in (authorization code), {@link Type#DIRECTORY} reads UMAPI (client credentials)
 * @param redirectUriPatterns for web clients: regular expressions, each matching a whole allowed redirect URI
 * @param scopes the scopes the client may ask for
 * @param requirePkce whether the authorization request must carry a PKCE code challenge
 * @param technicalAccount for {@link Type#TECHNICAL} clients: the technical account its client-credentials tokens
 *     stand for ({@code …@techacct.adobe.com}, with its organizations and profiles); {@code null} otherwise
 */
public record OAuthClient(String clientId, String secret, Type type, List<Pattern> redirectUriPatterns,
        List<String> scopes, boolean requirePkce, SandboxUser technicalAccount) {

    /**
     * {@code WEB} signs users in (authorization code), {@code DIRECTORY} reads UMAPI and {@code TECHNICAL} is a
     * Developer Console server-to-server credential (both client credentials).
     */
    public enum Type {
        WEB, DIRECTORY, TECHNICAL
    }

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(secret, "secret cannot be null for client " + clientId);
        Objects.requireNonNull(type, "type cannot be null for client " + clientId);
        redirectUriPatterns = List.copyOf(redirectUriPatterns);
        scopes = List.copyOf(scopes);
        if ((type == Type.TECHNICAL) != (technicalAccount != null)) {
            throw new IllegalArgumentException("client " + clientId + ": a technicalAccount goes with type technical");
        }
        if (type == Type.WEB && redirectUriPatterns.isEmpty()) {
            throw new IllegalArgumentException("web client " + clientId + " needs at least one redirectUriPattern");
        }
    }

    public boolean allowsRedirectUri(String uri) {
        return uri != null && redirectUriPatterns.stream().anyMatch(p -> p.matcher(uri).matches());
    }
}
