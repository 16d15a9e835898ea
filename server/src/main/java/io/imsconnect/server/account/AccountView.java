package io.imsconnect.server.account;

import java.util.List;

import io.imsconnect.core.account.AccountSettings;

/**
 * An external account as the API and the console show it: the settings with the secrets replaced by whether
 * they are set, the redirect URI to register with the identity provider, and whether the accounts file
 * declares the account (its values there win at the next start).
 */
record AccountView(
        String internalName,
        String label,
        String type,
        boolean enabled,
        String imsServer,
        List<String> imsScope,
        String imsClientId,
        boolean imsClientSecretSet,
        String callbackServer,
        String redirectUri,
        String imsOrganizationId,
        String associationMask,
        boolean maskIgnoresCase,
        String server,
        String tenant,
        String productContext,
        String directoryServer,
        String directoryClientId,
        boolean directoryClientSecretSet,
        String groupsClaim,
        String organizationClaim,
        String issuer,
        boolean declaredInFile) {

    static AccountView of(AccountSettings s, boolean declaredInFile) {
        return new AccountView(s.internalName(), s.label(), s.type().id(), s.enabled(), s.imsServer(), s.imsScope(),
                s.imsClientId(), s.imsClientSecretSet(), s.callbackServer(), s.redirectUri().orElse(null),
                s.imsOrganizationId(), s.associationMask(), s.maskIgnoresCase(), s.server(), s.tenant(),
                s.productContext(), s.directoryServer(), s.directoryClientId(), s.directoryClientSecretSet(),
                s.groupsClaim(), s.organizationClaim(), s.issuer(), declaredInFile);
    }
}
