package io.imsconnect.sandbox.ims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The sandbox's authorizations in memory, found by any of their tokens through an index. Spring's
 * {@code InMemoryOAuth2AuthorizationService} scans every authorization at each token lookup (the token endpoint,
 * each profile and organizations call), which grew with every sign-in of a benchmark, and iterates a
 * synchronized map without its lock, which threw {@code ConcurrentModificationException} (an HTTP 500) under
 * concurrent sign-ins (issue 9). At most {@value #MAX} are kept, the oldest forgotten first.
 */
final class IndexedAuthorizations implements OAuth2AuthorizationService {

    static final int MAX = 100_000;
    private static final List<String> KINDS = List.of(OAuth2ParameterNames.STATE, OAuth2ParameterNames.CODE,
            OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2TokenType.REFRESH_TOKEN.getValue(),
            OidcParameterNames.ID_TOKEN);

    private final Map<String, String> idsByToken = new HashMap<>();
    private final Map<String, OAuth2Authorization> byId = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OAuth2Authorization> eldest) {
            if (size() <= MAX) {
                return false;
            }
            keys(eldest.getValue()).forEach(idsByToken::remove);
            return true;
        }
    };

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        OAuth2Authorization before = byId.remove(authorization.getId());
        if (before != null) {
            keys(before).forEach(idsByToken::remove);
        }
        byId.put(authorization.getId(), authorization);
        keys(authorization).forEach(key -> idsByToken.put(key, authorization.getId()));
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        OAuth2Authorization removed = byId.remove(authorization.getId());
        if (removed != null) {
            keys(removed).forEach(idsByToken::remove);
        }
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return byId.get(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        for (String kind : tokenType == null ? KINDS : List.of(tokenType.getValue())) {
            String id = idsByToken.get(key(kind, token));
            if (id != null) {
                return byId.get(id);
            }
        }
        return null;
    }

    private static List<String> keys(OAuth2Authorization authorization) {
        List<String> keys = new ArrayList<>();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            keys.add(key(OAuth2ParameterNames.STATE, state));
        }
        add(keys, OAuth2ParameterNames.CODE, authorization.getToken(OAuth2AuthorizationCode.class));
        add(keys, OAuth2TokenType.ACCESS_TOKEN.getValue(), authorization.getToken(OAuth2AccessToken.class));
        add(keys, OAuth2TokenType.REFRESH_TOKEN.getValue(), authorization.getToken(OAuth2RefreshToken.class));
        add(keys, OidcParameterNames.ID_TOKEN, authorization.getToken(OidcIdToken.class));
        return keys;
    }

    private static void add(List<String> keys, String kind, OAuth2Authorization.Token<? extends AbstractOAuth2Token> token) {
        if (token != null) {
            keys.add(key(kind, token.getToken().getTokenValue()));
        }
    }

    private static String key(String kind, String token) {
        return kind + ":" + token;
    }
}
