package io.imsconnect.server.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts external-account secrets at rest with AES-256-GCM: a fresh random 96-bit IV for every value
 * (NIST SP 800-38D, section 8.2.2) and a 128-bit tag. The stored form is {@code v1:} followed by the base64 of
 * IV and ciphertext. Each value is bound to where it is stored (associated data such as
 * {@code externalAccount/Adobe_Marketing_Cloud/imsClientSecret}), so a ciphertext copied to another account or
 * field does not decrypt.
 *
 * <p>At construction the key is checked against the database's key check value (written with the first key
 * ever used): a wrong key stops the start with a message naming {@code IMSCONNECT_SECRET_KEY}, instead of
 * failing later at a login or writing secrets under a second key.
 */
final class SecretCipher {

    static final String KEY_VARIABLE = "IMSCONNECT_SECRET_KEY";

    private static final String PREFIX = "v1:";
    private static final String CHECK_PLAINTEXT = "imsconnect secret key check";
    private static final String CHECK_CONTEXT = "secretKeyCheck";
    private static final String SEALED_VALUES_KEY_INFO = "imsconnect sealed values v1\u0001";

    private final SecretKey key;
    /** The AES-GCM of secrets at rest: the same form as the sealed values', under the secret key itself. */
    private final SealedValues aead;

    /**
     * @param keySource where the key came from, for the error message ("IMSCONNECT_SECRET_KEY", a file path)
     * @throws IllegalStateException when the key does not decrypt the stored key check value
     */
    SecretCipher(SecretKey key, String keySource, AccountRepository store) {
        this.key = Objects.requireNonNull(key, "key cannot be null");
        this.aead = new SealedValues(key);
        String check = store.keyCheckValue().orElseGet(() -> store.insertKeyCheckValueOrKeep(
                encrypt(CHECK_PLAINTEXT, CHECK_CONTEXT)));
        boolean matches;
        try {
            matches = CHECK_PLAINTEXT.equals(decrypt(check, CHECK_CONTEXT));
        } catch (IllegalStateException wrongKey) {
            matches = false;
        }
        if (!matches) {
            throw new IllegalStateException("The secret key (from " + keySource + ") is not the key this database's"
                    + " secrets were encrypted with, so they cannot be read. Start with the original key in "
                    + KEY_VARIABLE + " (property imsconnect.secret-key, base64 of 32 bytes) or restore the original"
                    + " key file.");
        }
    }

    /** @param context where the value is stored; the same context is needed to decrypt it */
    String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext cannot be null");
        return PREFIX + Base64.getEncoder().encodeToString(
                aead.sealBytes(plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    /** @throws IllegalStateException when the value was not encrypted with this key in this context */
    String decrypt(String stored, String context) {
        Objects.requireNonNull(stored, "stored cannot be null");
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("The stored secret for " + context + " is not in a known format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored secret for " + context + " is not valid base64", e);
        }
        if (bytes.length <= SealedValues.IV_BYTES) {
            throw new IllegalStateException("The stored secret for " + context + " is truncated");
        }
        return aead.openBytes(bytes, context).map(plain -> new String(plain, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("The stored secret for " + context
                        + " does not decrypt with the secret key in use (" + KEY_VARIABLE + ")"));
    }

    /**
     * Sealing for values handed to browsers, under a key derived from this one (HMAC-SHA256 of the key over the
     * use's name, as HKDF-Expand's first block): the same on every node that has the same secret key.
     */
    SealedValues sealedValues() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] derived = mac.doFinal(SEALED_VALUES_KEY_INFO.getBytes(StandardCharsets.UTF_8));
            return new SealedValues(new SecretKeySpec(derived, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM]";
    }
}
