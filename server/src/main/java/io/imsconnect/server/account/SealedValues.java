package io.imsconnect.server.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals short-lived values the instance hands to a browser and reads back (the sign-in's authorization request
 * cookie, docs/decisions/0025): AES-256-GCM, a fresh random 96-bit IV a value and a 128-bit tag, so a value is
 * both secret and unforgeable. The key is derived from the instance's secret key ({@code IMSCONNECT_SECRET_KEY}),
 * which every node of a cluster shares, for this use only: a sealed value never decrypts as a secret at rest, nor
 * the reverse. Each value is bound to its context (associated data). {@link SecretCipher} seals secrets at rest
 * with the same {@link #sealBytes}, under the secret key itself.
 */
public final class SealedValues {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SealedValues(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key cannot be null");
    }

    /** The value sealed for {@code context}, as URL-safe base64 without padding (fit for a cookie). */
    public String seal(byte[] plaintext, String context) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealBytes(plaintext, context));
    }

    /**
     * The plaintext of a value sealed by {@link #seal} for the same context with this key; empty for anything
     * else (altered, truncated, sealed for another context or with another key, not base64).
     */
    public Optional<byte[]> open(String sealed, String context) {
        try {
            return openBytes(Base64.getUrlDecoder().decode(sealed), context);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The IV and the ciphertext with its tag: the form {@link SecretCipher} stores secrets at rest in, too. */
    byte[] sealBytes(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext cannot be null");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** The plaintext of {@link #sealBytes}' output for the same context with this key; empty for anything else. */
    Optional<byte[]> openBytes(byte[] bytes, String context) {
        if (bytes.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        } catch (AEADBadTagException forged) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SealedValues[AES-256-GCM]";
    }
}
