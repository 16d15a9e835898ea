package io.imsconnect.sandbox.ims;

import java.util.Optional;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.SandboxUser;

/**
 * Finds the live authorization behind an {@code Authorization: Bearer} header. Looking the token up in the
 * authorization service, rather than only checking its signature, makes revoked tokens fail as they do at IMS.
 */
@Component
public class BearerTokens {

    private final OAuth2AuthorizationService authorizations;
    private final Directory directory;

    BearerTokens(OAuth2AuthorizationService authorizations, Directory directory) {
        this.authorizations = authorizations;
        this.directory = directory;
    }

    /**
     * Whom the token behind the header stands for: the signed-in user, or, for a technical client's
     * client-credentials token, its technical account (docs/provider-facts.md#technical-accounts: assumed).
     */
    public Optional<SandboxUser> holder(String authorizationHeader) {
        return authorization(authorizationHeader).flatMap(this::holder);
    }

    public Optional<SandboxUser> holder(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return directory.technicalAccount(authorization.getPrincipalName());
        }
        return directory.user(authorization.getPrincipalName());
    }

    public Optional<OAuth2Authorization> authorization(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(7).trim();
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null) {
            return Optional.empty();
        }
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
        return accessToken != null && accessToken.isActive() ? Optional.of(authorization) : Optional.empty();
    }
}
