package io.imsconnect.server.signin;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.provider.ProviderMetadata;
import io.imsconnect.server.provider.ProviderType;
import io.imsconnect.server.provider.ProviderTypes;

/**
 * Spring Security's client registrations, read from the external accounts at every request ({@link SignInAccounts}):
 * a saved change applies at the next sign-in, on every node, without a restart. Only enabled accounts sign in.
 */
final class AccountClientRegistrations implements ClientRegistrationRepository {

    private final SignInAccounts accounts;
    private final ProviderTypes types;

    AccountClientRegistrations(SignInAccounts accounts, ProviderTypes types) {
        this.accounts = accounts;
        this.types = types;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return accounts.find(registrationId).filter(AccountSettings::enabled).map(this::registration).orElse(null);
    }

    private ClientRegistration registration(AccountSettings account) {
        ProviderMetadata.Metadata discovery = types.discovery(account);
        ProviderType.Endpoints endpoints = types.of(account).endpoints(account, discovery);
        String secret = accounts.imsClientSecret(account.internalName()).orElse(null);
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(account.internalName())
                .clientName(account.label() == null ? account.internalName() : account.label())
                .clientId(account.imsClientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(AccountSettings.redirectUri(account.callbackServer(), account.internalName()))
                .scope(account.imsScope())
                .issuerUri(account.issuer() != null ? account.issuer() : discovery.issuer())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .authorizationUri(endpoints.authorization())
                .tokenUri(endpoints.token())
                .jwkSetUri(endpoints.jwks());
        return builder.build();
    }
}
