package io.imsconnect.server.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestOperations;

/**
 * ID-token decoders: RS256 only (so {@code alg: none} and symmetric keys are refused), keys from the
 * provider's JWKS fetched with bounded timeouts and refetched when an unknown key id appears (rotation), and
 * the OIDC Core §3.1.3.7 checks of {@link OidcIdTokenValidator}. Spring's own factory caches one decoder per
 * registration id; this one keys the cache on everything the decoder depends on, so an edited account never
 * meets a decoder built for its old settings.
 */
@Component
public final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private record Key(String jwkSetUri, String issuer, String clientId) {
    }

    private final RestOperations http;
    private final Map<Key, JwtDecoder> decoders = new ConcurrentHashMap<>();

    IdTokenDecoders(ProviderClient http) {
        this.http = http.restTemplate();
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        Key key = new Key(registration.getProviderDetails().getJwkSetUri(),
                registration.getProviderDetails().getIssuerUri(), registration.getClientId());
        return decoders.computeIfAbsent(key, k -> build(registration));
    }

    private JwtDecoder build(ClientRegistration registration) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(http).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new OidcIdTokenValidator(registration)));
        decoder.setClaimSetConverter(
                new MappedJwtClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
        return decoder;
    }
}
