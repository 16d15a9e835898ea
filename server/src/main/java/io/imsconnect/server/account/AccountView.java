package io.imsconnect.server.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.imsconnect.core.account.AccountSettings;

/**
 * An external account as the API and the console show it: its settings as they are (they hold no secret, only
 * whether each is set), the redirect URI to register with the identity provider, and whether the accounts file
 * declares the account (its values there win at the next start). The settings' fields are not repeated here:
 * JSON unwraps them (docs/decisions/0009-fields-declared-once.md).
 */
public record AccountView(@JsonUnwrapped AccountSettings settings, String redirectUri, boolean declaredInFile) {

    static AccountView of(AccountSettings settings, boolean declaredInFile) {
        return new AccountView(settings, settings.redirectUri().orElse(null), declaredInFile);
    }
}
