package io.imsconnect.sandbox.ims;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import io.imsconnect.sandbox.SandboxProperties;
import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.OAuthClient;
import io.imsconnect.sandbox.data.SandboxUser;
import io.imsconnect.sandbox.faults.FaultSwitches;
import io.imsconnect.sandbox.faults.Faults;
import io.imsconnect.sandbox.keys.KeyRing;
import io.imsconnect.sandbox.keys.SandboxJwtEncoder;

/**
 * Spring Authorization Server shaped like IMS: IMS's endpoint paths under {@code /ims}, IMS's claims, the sandbox's
 * users and clients.
 *
 * <p>
 * Endpoints are registered relative to the issuer with multiple issuers allowed, so that the issuer is resolved from
 * each request as {@code http://host:port/ims}: the port is only known once the server is up (tests use port 0).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String LOGIN_PAGE = "/ims/login";

    /** IMS access tokens live 24 hours. */
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(24);

    private static final String REGISTERED_BY_PATTERN = "https://redirect-uris-are-matched-by-pattern.invalid/";

    static final String WRONG_ISSUER = "https://wrong-issuer.invalid/ims";

    static final String WRONG_AUDIENCE = "wrong-audience";

    static final String WRONG_NONCE = "wrong-nonce";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, Directory directory,
            OAuth2AuthorizationService authorizations, SandboxProperties properties) {
        OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse =
                new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        tokenResponse.setAccessTokenResponseCustomizer(context -> {
            OAuth2AccessTokenAuthenticationToken token = context.getAuthentication();
            OAuth2Authorization authorization = authorizations
                    .findByToken(token.getAccessToken().getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
            if (authorization != null) {
                // IMS answers the token request with the user's ID as "sub"
                Map<String, Object> parameters = new HashMap<>(token.getAdditionalParameters());
                parameters.put("sub", authorization.getPrincipalName());
                context.getAccessTokenResponse().additionalParameters(parameters);
            }
        });
        http.oauth2AuthorizationServer(as -> {
            http.securityMatcher(as.getEndpointsMatcher());
            as.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.stream()
                    .filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
                    .map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
                    .forEach(p -> p.setAuthenticationValidator(new RedirectUriPatternValidator(directory)))));
            as.tokenEndpoint(endpoint -> endpoint.accessTokenResponseHandler(tokenResponse));
            as.oidc(oidc -> oidc
                    .providerConfigurationEndpoint(endpoint -> endpoint.providerConfigurationCustomizer(config -> {
                        String issuer = AuthorizationServerContextHolder.getContext().getIssuer();
                        // IMS's logout is a plain redirect endpoint, served by LogoutController
                        config.endSessionEndpoint(issuer + "/logout/v1");
                        config.scopes(scopes -> scopes.addAll(List.of("AdobeID", "read_organizations",
                                "additional_info.projectedProductContext", "user_management_sdk")));
                        if (properties.issuer() != null) {
                            config.issuer(properties.issuer());
                        }
                    }))
                    .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(context -> userInfo(directory,
                            context.getAuthorization().getPrincipalName()))));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterAfter(new PromptLoginFilter(), LogoutFilter.class);
        return http.build();
    }

    /** Scopes are normalized before Spring Security sees the request. */
    @Bean
    FilterRegistrationBean<CommaScopeFilter> commaScopeFilter() {
        FilterRegistrationBean<CommaScopeFilter> registration = new FilterRegistrationBean<>(new CommaScopeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).authorizationEndpoint("/authorize/v2")
                .tokenEndpoint("/token/v3").jwkSetEndpoint("/keys").tokenRevocationEndpoint("/revoke")
                .tokenIntrospectionEndpoint("/introspect").oidcUserInfoEndpoint("/userinfo/v2").build();
    }

    @Bean
    RegisteredClientRepository registeredClients(Directory directory) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (OAuthClient client : directory.clients()) {
            clients.add(registeredClient(client));
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient registeredClient(OAuthClient client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(client.clientId()).clientSecret("{noop}" + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256).build());
        if (client.type() == OAuthClient.Type.WEB) {
            // Spring Authorization Server wants one exact redirect URI; the real check is RedirectUriPatternValidator
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(REGISTERED_BY_PATTERN)
                    .clientSettings(ClientSettings.builder().requireProofKey(client.requirePkce())
                            .requireAuthorizationConsent(false).build());
        }
        else {
            builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        return builder.build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new IndexedAuthorizations();
    }

    /** What {@code /ims/keys} publishes. */
    @Bean
    JWKSource<SecurityContext> jwkSource(KeyRing keys) {
        return (selector, context) -> selector.select(keys.published());
    }

    @Bean
    JwtEncoder jwtEncoder(KeyRing keys, FaultSwitches faults) {
        return new SandboxJwtEncoder(keys, faults);
    }

    /**
     * Checks the sandbox's own access tokens at the userinfo endpoint against every key it signs with, so that the
     * key faults, which concern ID tokens, leave userinfo working.
     */
    @Bean
    JwtDecoder jwtDecoder(KeyRing keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSource<SecurityContext> all = (selector, context) -> selector.select(keys.verification());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, all));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return new NimbusJwtDecoder(processor);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(Directory directory, FaultSwitches faults,
            SandboxProperties properties) {
        return context -> {
            JwtClaimsSet.Builder claims = context.getClaims();
            if (properties.issuer() != null) {
                claims.issuer(properties.issuer());
            }
            String principal = context.getPrincipal().getName();
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                claims.claim(SandboxJwtEncoder.TYPE_CLAIM, SandboxJwtEncoder.ID_TOKEN_TYPE);
                directory.user(principal).ifPresent(user -> {
                    claims.claim("email", user.email()).claim("email_verified", true).claim("name", user.displayName())
                            .claim("given_name", user.firstName()).claim("family_name", user.lastName())
                            .claim("account_type", user.accountType());
                    user.memberships().keySet().stream().findFirst().ifPresent(org -> claims.claim("org_id", org));
                });
                applyIdTokenFaults(claims, faults.current());
            }
            else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // the claims IMS access tokens carry; times in milliseconds, as strings
                claims.claim(SandboxJwtEncoder.TYPE_CLAIM, "access_token")
                        .claim("client_id", context.getRegisteredClient().getClientId())
                        .claim("user_id", directory.technicalAccount(principal).map(SandboxUser::id).orElse(principal))
                        .claim("as", "ims-na1")
                        .claim("created_at", String.valueOf(Instant.now().toEpochMilli()))
                        .claim("expires_in", String.valueOf(ACCESS_TOKEN_LIFETIME.toMillis()));
            }
        };
    }

    private static void applyIdTokenFaults(JwtClaimsSet.Builder claims, Faults faults) {
        if (faults.expiredIdToken()) {
            Instant now = Instant.now();
            claims.issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1)));
        }
        if (faults.wrongAudience()) {
            claims.audience(List.of(WRONG_AUDIENCE));
        }
        if (faults.wrongIssuer()) {
            claims.issuer(WRONG_ISSUER);
        }
        if (faults.wrongNonce()) {
            claims.claim(OidcParameterNames.NONCE, WRONG_NONCE);
        }
        if (faults.noNonce()) {
            claims.claims(all -> all.remove(OidcParameterNames.NONCE));
        }
    }

    static OidcUserInfo userInfo(Directory directory, String userId) {
        SandboxUser user = directory.user(userId).orElse(null);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", userId);
        if (user != null) {
            claims.put("account_type", user.accountType());
            claims.put("email", user.email());
            claims.put("email_verified", true);
            claims.put("name", user.displayName());
            claims.put("given_name", user.firstName());
            claims.put("family_name", user.lastName());
            // Not an IMS claim: for standard OIDC clients, the user's first organization and its product
            // profiles, as a generic provider's "groups" claim would carry them.
            user.memberships().keySet().stream().findFirst().ifPresent(org -> {
                claims.put("org_id", org);
                claims.put("groups", List.copyOf(directory.profiles(user, org, false)));
            });
        }
        return new OidcUserInfo(claims);
    }

    /**
     * Users sign in with their e-mail address (or IMS user ID); the principal's name is the IMS user ID, which thus
     * becomes the tokens' {@code sub}.
     */
    @Bean
    UserDetailsService userDetailsService(Directory directory) {
        return username -> directory.userByEmail(username).or(() -> directory.user(username))
                .filter(user -> user.password() != null)
                .map(user -> User.withUsername(user.id()).password("{noop}" + user.password()).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Demo passwords and secrets are plain text in the YAML file; {@code {noop}} says so; see {@link PlainTextSecrets}. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new PlainTextSecrets();
    }
}
