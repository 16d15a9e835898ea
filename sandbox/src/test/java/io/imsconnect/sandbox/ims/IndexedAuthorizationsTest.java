package io.imsconnect.sandbox.ims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class IndexedAuthorizationsTest {

    private final IndexedAuthorizations authorizations = new IndexedAuthorizations();
    private final RegisteredClient client = RegisteredClient.withId("client").clientId("client")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://localhost/cb")
            .build();

    private OAuth2Authorization authorization(int i) {
        return OAuth2Authorization.withRegisteredClient(client).id("a" + i).principalName("user" + i)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2ParameterNames.STATE, "state" + i)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token" + i, Instant.now(),
                        Instant.now().plusSeconds(60)))
                .build();
    }

    @Test
    void findByTokenWhenSavedThenFoundByEachOfItsTokensAndAfterRemoveByNone() {
        authorizations.save(authorization(1));

        assertThat(authorizations.findByToken("token1", OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo("a1");
        assertThat(authorizations.findByToken("state1", new OAuth2TokenType(OAuth2ParameterNames.STATE)).getId())
                .isEqualTo("a1");
        assertThat(authorizations.findByToken("token1", null).getId()).isEqualTo("a1");
        assertThat(authorizations.findByToken("token1", OAuth2TokenType.REFRESH_TOKEN)).isNull();

        authorizations.remove(authorization(1));
        assertThat(authorizations.findByToken("token1", null)).isNull();
    }

    @Test
    void findByTokenWhenManySignInsAtOnceThenEachFindsItsOwn() {
        List<CompletableFuture<String>> found = IntStream.range(0, 2000).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            authorizations.save(authorization(i));
            return authorizations.findByToken("token" + i, OAuth2TokenType.ACCESS_TOKEN).getId();
        })).toList();

        assertThat(found).extracting(CompletableFuture::join)
                .containsExactlyElementsOf(IntStream.range(0, 2000).mapToObj(i -> "a" + i).toList());
    }
}
