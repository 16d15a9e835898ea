package io.imsconnect.server.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Marks the callback whose code the identity provider exchanged for tokens. Only such a sign-in, one the
 * provider vouched for, is recorded in full whatever its end; a failure before it (a forged callback, a
 * provider down) anyone can cause, so it is counted and sampled instead (docs/decisions/0013).
 */
final class TokensReceived implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

    private static final String ATTRIBUTE = TokensReceived.class.getName();

    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate;

    TokensReceived(OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate) {
        this.delegate = delegate;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest grant) {
        OAuth2AccessTokenResponse response = delegate.getTokenResponse(grant);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return response;
    }

    static boolean in(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }
}
