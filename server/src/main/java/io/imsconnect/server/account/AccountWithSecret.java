package io.imsconnect.server.account;

import io.imsconnect.core.account.AccountSettings;

/**
 * An external account with its decrypted client secret ({@code null} when none is set), read together because
 * every sign-in request needs both (docs/decisions/0025). Never logged: {@link #toString()} leaves the secret out.
 */
public record AccountWithSecret(AccountSettings settings, String imsClientSecret) {

    @Override
    public String toString() {
        return "AccountWithSecret[settings=" + settings + ", imsClientSecretSet=" + (imsClientSecret != null) + "]";
    }
}
