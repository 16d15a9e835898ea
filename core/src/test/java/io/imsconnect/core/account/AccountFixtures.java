package io.imsconnect.core.account;

import java.util.List;

final class AccountFixtures {

    private AccountFixtures() {
    }

    static AccountSettingsBuilder adobe() {
        return AccountSettings.builder()
                .label("Adobe Experience Cloud")
                .enabled(true)
                .imsServer("https://ims-na1.adobelogin.com")
                .imsClientId("campaign-acme")
                .imsClientSecretSet(true)
                .callbackServer("https://campaign.example.com")
                .imsOrganizationId("A495E53C0123456789ABCDEF@AdobeOrg")
                .associationMask("Campaign - acme - (.*)")
                .server("https://acme.experiencecloud.adobe.com")
                .tenant("acme")
                .productContext("dma_campaign_classic")
                .directoryServer("https://usermanagement.adobe.io/v2/usermanagement")
                .directoryClientId("campaign-acme-sync")
                .directoryClientSecretSet(true);
    }

    static AccountSettingsBuilder oidc() {
        return AccountSettings.builder()
                .internalName("Corporate_SSO")
                .type(AccountType.OIDC)
                .enabled(true)
                .imsServer("https://login.example.com/realms/acme")
                .imsScope(List.of("openid", "profile"))
                .imsClientId("campaign")
                .imsClientSecretSet(true)
                .callbackServer("https://campaign.example.com")
                .associationMask("campaign-(.*)");
    }
}
