package io.imsconnect.server.account;

import java.util.List;
import java.util.Optional;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.errors.FieldViolation;

/**
 * The account's two write-only secrets: each encrypted in a context of its own, kept, cleared or replaced by a
 * save, and sent only to the server it was typed for (docs/decisions/0003-secret-follows-its-server.md).
 */
final class AccountSecrets {

    private AccountSecrets() {
    }

    /** The two secrets of an account, each encrypted in a context of its own. */
    enum SecretField {
        IMS_CLIENT("imsClientSecret"), DIRECTORY_CLIENT("directoryClientSecret");

        private final String field;

        SecretField(String field) {
            this.field = field;
        }

        String context(String internalName) {
            return AccountService.TARGET + "/" + internalName + "/" + field;
        }
    }

    /**
     * A stored secret goes only to the server it was typed for: whoever points {@code imsServer} (or
     * {@code directoryServer}) elsewhere must type the secrets again, or clear them, in the same save. Else
     * changing a URL and pressing "Test connection" would hand a write-only secret to any host.
     */
    static void requireSecretsAgainWhenServerMoves(Optional<StoredAccount> existing, AccountRequest request,
            SecretChange imsSecret, SecretChange directorySecret, List<FieldViolation> violations) {
        if (existing.isEmpty()) {
            return;
        }
        AccountSettings before = existing.get().settings();
        boolean imsMoved = moved(before.imsServer(), request.imsServer());
        boolean directoryMoved = imsMoved || moved(before.directoryServer(), request.directoryServer());
        if (imsMoved && request.imsClientSecret() == null && imsSecret.set()) {
            violations.add(new FieldViolation("imsClientSecret", "required.serverChanged", "must be typed again (or "
                    + "cleared) because imsServer changed: a stored secret is only sent to the server it was typed for"));
        }
        if (directoryMoved && request.directoryClientSecret() == null && directorySecret.set()) {
            violations.add(new FieldViolation("directoryClientSecret", "required.serverChanged", "must be typed "
                    + "again (or cleared) because the server it is sent to changed: a stored secret is only sent to "
                    + "the server it was typed for"));
        }
    }

    private static boolean moved(String before, String after) {
        String a = before == null ? "" : AccountSettings.withoutTrailingSlashes(before);
        String b = after == null ? "" : AccountSettings.withoutTrailingSlashes(after);
        return !a.equalsIgnoreCase(b);
    }

    /**
     * What a save does to one secret: {@code null} keeps the stored one, blank clears it, other text replaces it
     * (a value equal to the stored secret counts as unchanged and keeps its ciphertext).
     */
    record SecretChange(String ciphertext, boolean changed) {

        static SecretChange of(String requested, String storedCiphertext, String context, SecretCipher cipher) {
            if (requested == null) {
                return new SecretChange(storedCiphertext, false);
            }
            String secret = requested.strip();
            if (secret.isEmpty()) {
                return new SecretChange(null, storedCiphertext != null);
            }
            if (storedCiphertext != null && secret.equals(cipher.decrypt(storedCiphertext, context))) {
                return new SecretChange(storedCiphertext, false);
            }
            return new SecretChange(cipher.encrypt(secret, context), true);
        }

        boolean set() {
            return ciphertext != null;
        }

        @Override
        public String toString() {
            return "SecretChange[set=" + set() + ", changed=" + changed + "]";
        }
    }
}
