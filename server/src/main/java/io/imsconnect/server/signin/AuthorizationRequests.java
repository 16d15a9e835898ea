package io.imsconnect.server.signin;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.provider.ProviderTypes;

/**
 * The authorization request: PKCE S256 for every account (confidential clients too, as OAuth 2.1 advises),
 * state and nonce by Spring Security, and the scope list as each provider expects it: IMS documents it
 * comma-separated, standard OpenID providers take it space-separated (RFC 6749 §3.3). {@code ?prompt=login} on
 * the start asks the provider for its sign-in form even when the browser is signed in there (OIDC Core §3.1.2.1,
 * and IMS's authorize endpoint; docs/provider-facts.md#sign-in-with-another-identity); any other value is ignored,
 * so no one can make the instance send other prompts.
 */
final class AuthorizationRequests {

    static final String BASE_URI = "/oauth2/authorization";
    static final String PROMPT = "prompt";
    static final String PROMPT_LOGIN = "login";

    private AuthorizationRequests() {
    }

    static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations,
            SignInAccounts accounts, ProviderTypes types) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(builder -> scopesAsTheProviderReadsThem(builder, accounts, types)));
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return promptLoginWhenAsked(request, resolver.resolve(request));
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return promptLoginWhenAsked(request, resolver.resolve(request, registrationId));
            }
        };
    }

    private static OAuth2AuthorizationRequest promptLoginWhenAsked(HttpServletRequest request,
            OAuth2AuthorizationRequest authorization) {
        if (authorization == null || !PROMPT_LOGIN.equals(request.getParameter(PROMPT))) {
            return authorization;
        }
        String uri = UriComponentsBuilder.fromUriString(authorization.getAuthorizationRequestUri())
                .replaceQueryParam(PROMPT, PROMPT_LOGIN).build(true).toUriString();
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put(PROMPT, PROMPT_LOGIN))
                .authorizationRequestUri(uri).build();
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
