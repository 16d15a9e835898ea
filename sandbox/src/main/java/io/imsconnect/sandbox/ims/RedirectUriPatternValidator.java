package io.imsconnect.sandbox.ims;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.OAuthClient;

/**
 * IMS registers redirect URIs as patterns, Spring Authorization Server as exact URIs. A redirect URI that matches one
 * of the client's patterns is added to the client for this one request, and then the standard validation (redirect
 * URI, scope, PKCE, prompt) runs unchanged. One that matches none is refused without redirecting to it (RFC 6749
 * §4.1.2.1).
 */
final class RedirectUriPatternValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private final Directory directory;

    private final OAuth2AuthorizationCodeRequestAuthenticationValidator standard =
            new OAuth2AuthorizationCodeRequestAuthenticationValidator();

    RedirectUriPatternValidator(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        String redirectUri = request.getRedirectUri();
        boolean allowed = directory.client(client.getClientId()).map(c -> c.allowsRedirectUri(redirectUri))
                .orElse(false);
        if (!allowed) {
            OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect =
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                            request.getClientId(), (org.springframework.security.core.Authentication) request.getPrincipal(),
                            null, request.getState(), request.getScopes(), request.getAdditionalParameters());
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "redirect_uri matches no registered pattern",
                            null),
                    withoutRedirect);
        }
        RegisteredClient withRedirect = RegisteredClient.from(client).redirectUri(redirectUri).build();
        standard.accept(OAuth2AuthorizationCodeRequestAuthenticationContext.with(request)
                .registeredClient(withRedirect).build());
    }

    static boolean anyClientAllows(Directory directory, String uri) {
        return directory.clients().stream().filter(c -> c.type() == OAuthClient.Type.WEB)
                .anyMatch(c -> c.allowsRedirectUri(uri));
    }
}
