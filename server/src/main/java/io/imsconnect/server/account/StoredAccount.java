package io.imsconnect.server.account;

import java.time.Instant;

import io.imsconnect.core.account.AccountSettings;

/**
 * An external account as stored: its settings, its secrets as ciphertext ({@code null} when not set), and
 * whether the accounts file declares it.
 */
record StoredAccount(AccountSettings settings, String imsClientSecretCiphertext,
        String directoryClientSecretCiphertext, boolean declaredInFile, Instant createdAt, Instant updatedAt) {

    String internalName() {
        return settings.internalName();
    }

    @Override
    public String toString() {
        return "StoredAccount[settings=" + settings + ", declaredInFile=" + declaredInFile + "]";
    }
}
