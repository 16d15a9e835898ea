package io.imsconnect.server.signin;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.util.UriUtils;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.provider.ProviderTypes;

/**
 * The authorization request: PKCE S256 for every account (confidential clients too, as OAuth 2.1 advises),
 * state and nonce by Spring Security, and the scope list as each provider expects it: IMS documents it
 * comma-separated, standard OpenID providers take it space-separated (RFC 6749 §3.3).
 */
final class AuthorizationRequests {

    static final String BASE_URI = "/oauth2/authorization";

    private AuthorizationRequests() {
    }

    static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations,
            SignInAccounts accounts, ProviderTypes types) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(builder -> scopesAsTheProviderReadsThem(builder, accounts, types)));
        return resolver;
    }

    private static void scopesAsTheProviderReadsThem(OAuth2AuthorizationRequest.Builder builder,
            SignInAccounts accounts, ProviderTypes types) {
        String[] registrationId = new String[1];
        builder.attributes(attributes -> registrationId[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
        AccountSettings account = registrationId[0] == null ? null : accounts.find(registrationId[0]).orElse(null);
        if (account == null || account.imsScope() == null) {
            return;
        }
        String separator = encode(types.of(account).scopeSeparator());
        String scopes = account.imsScope().stream().map(AuthorizationRequests::encode)
                .collect(Collectors.joining(separator));
        builder.authorizationRequestUri(uri -> uri.replaceQueryParam(OAuth2ParameterNames.SCOPE, scopes).build());
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
