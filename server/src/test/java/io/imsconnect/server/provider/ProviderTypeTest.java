package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;

/** What each provider type answers without talking to a provider: endpoints, scopes, logout, packages. */
class ProviderTypeTest {

    private static ProviderType type(AccountType type) {
        return switch (type) {
            case ADOBE_IMS -> new AdobeImsProvider(null, null);
            case OIDC -> new OidcProvider(null, null);
        };
    }

    private static final ProviderMetadata.Metadata DISCOVERY = new ProviderMetadata.Metadata(
            "https://login.example.com", "https://login.example.com/authorize", "https://login.example.com/token",
            "https://login.example.com/keys", "https://login.example.com/userinfo", null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ADOBE_IMS|https://ims-na1.adobelogin.com|https://ims-na1.adobelogin.com/ims/.well-known/openid-configuration",
        "ADOBE_IMS|https://ims-na1.adobelogin.com/|https://ims-na1.adobelogin.com/ims/.well-known/openid-configuration",
        "OIDC|https://login.example.com/realms/acme|https://login.example.com/realms/acme/.well-known/openid-configuration",
        "OIDC|http://localhost:9090/ims/|http://localhost:9090/ims/.well-known/openid-configuration",
    })
    void discoveryUrlWhenTypeThenImsPathOrIssuerPath(AccountType type, String imsServer, String expected) {
        AccountSettings settings = AccountSettings.builder().type(type).imsServer(imsServer).build();

        assertThat(type(type).discoveryUrl(settings)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ADOBE_IMS|https://ims-na1.adobelogin.com/|https://ims-na1.adobelogin.com/ims/authorize/v2|https://ims-na1.adobelogin.com/ims/token/v3|https://ims-na1.adobelogin.com/ims/keys",
        "OIDC|https://login.example.com|https://login.example.com/authorize|https://login.example.com/token|https://login.example.com/keys",
    })
    void endpointsWhenTypeThenImsDocumentedPathsOrDiscoverys(AccountType type, String imsServer,
            String authorization, String token, String jwks) {
        AccountSettings settings = AccountSettings.builder().type(type).imsServer(imsServer).build();

        ProviderType.Endpoints endpoints = type(type).endpoints(settings, DISCOVERY);

        assertThat(endpoints.authorization()).isEqualTo(authorization);
        assertThat(endpoints.token()).isEqualTo(token);
        assertThat(endpoints.jwks()).isEqualTo(jwks);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "ADOBE_IMS|','", "OIDC|' '" })
    void scopeSeparatorWhenTypeThenCommaForImsSpaceForOidc(AccountType type, String separator) {
        assertThat(type(type).scopeSeparator()).isEqualTo(separator);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "ADOBE_IMS|https://ims-na1.adobelogin.com/ims/logout/v1?client_id=campaign%20client&redirect_uri=https%3A%2F%2Fcampaign.example.com%2Flogin%3Flogout",
        "OIDC|NONE" })
    void logoutUriWhenTypeThenImsLogoutOrNone(AccountType type, String expected) {
        AccountSettings settings = AccountSettings.builder().type(type).imsServer("https://ims-na1.adobelogin.com")
                .imsClientId("campaign client").build();

        assertThat(type(type).logoutUri(settings, "https://campaign.example.com/login?logout"))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "ADOBE_IMS|openid,AdobeID,user_management_sdk|ims", "OIDC|NONE|NONE" })
    void directoryScopeAndPackageWhenTypeThenImsOnes(AccountType type, String scope, String requiredPackage) {
        assertThat(type(type).directoryScope()).isEqualTo(Optional.ofNullable(scope));
        assertThat(type(type).requiredPackage()).isEqualTo(Optional.ofNullable(requiredPackage));
        assertThat(type(type).type()).isEqualTo(type);
    }
}
