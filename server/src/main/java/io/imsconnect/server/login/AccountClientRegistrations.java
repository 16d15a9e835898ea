package io.imsconnect.server.login;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.server.account.AccountService;

/**
 * Spring Security's client registrations, read from the external accounts at every use: a saved change
 * applies at the next sign-in, on every node, without a restart. Only enabled accounts sign in.
 */
final class AccountClientRegistrations implements ClientRegistrationRepository {

    private final AccountService accounts;
    private final ProviderMetadata providers;

    AccountClientRegistrations(AccountService accounts, ProviderMetadata providers) {
        this.accounts = accounts;
        this.providers = providers;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return accounts.find(registrationId).filter(AccountSettings::enabled).map(this::registration).orElse(null);
    }

    private ClientRegistration registration(AccountSettings account) {
        ProviderMetadata.Metadata provider = providers.of(account);
        String secret = accounts.imsClientSecret(account.internalName()).orElse(null);
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(account.internalName())
                .clientName(account.label() == null ? account.internalName() : account.label())
                .clientId(account.imsClientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(AccountSettings.redirectUri(account.callbackServer(), account.internalName()))
                .scope(account.imsScope())
                .issuerUri(account.issuer() != null ? account.issuer() : provider.issuer())
                .userNameAttributeName(IdTokenClaimNames.SUB);
        if (account.type() == AccountType.ADOBE_IMS) {
            // IMS's documented endpoints; discovery is read for the issuer, which differs between documents.
            String ims = AccountSettings.withoutTrailingSlashes(account.imsServer());
            return builder.authorizationUri(ims + "/ims/authorize/v2").tokenUri(ims + "/ims/token/v3")
                    .jwkSetUri(ims + "/ims/keys").build();
        }
        return builder.authorizationUri(provider.authorizationEndpoint()).tokenUri(provider.tokenEndpoint())
                .jwkSetUri(provider.jwksUri()).build();
    }
}
