package io.imsconnect.server.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that encrypts secrets comes from: {@code IMSCONNECT_SECRET_KEY} (property
 * {@code imsconnect.secret-key}, base64 of 32 bytes), or else the file {@value #KEY_FILE} under the data
 * directory, generated owner-only at first start. The log names the file, never the key.
 */
final class SecretKeys {

    static final String KEY_FILE = "secret.key";
    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** A key and where it came from, for messages. */
    record Loaded(SecretKey key, String source) {

        @Override
        public String toString() {
            return "SecretKeys.Loaded[source=" + source + "]";
        }
    }

    private SecretKeys() {
    }

    static Loaded load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new Loaded(decode(configured.strip(), SecretCipher.KEY_VARIABLE), SecretCipher.KEY_VARIABLE);
        }
        Path file = dataDir.resolve(KEY_FILE).toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            warnIfReadableByOthers(file);
            return new Loaded(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()),
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file + "; set "
                    + SecretCipher.KEY_VARIABLE + " instead", e);
        }
    }

    static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret key from " + source + " is not base64: set "
                    + SecretCipher.KEY_VARIABLE + " to the base64 of " + KEY_BYTES + " random bytes"
                    + " (for example: openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The secret key from " + source + " is " + bytes.length
                    + " bytes long: set " + SecretCipher.KEY_VARIABLE + " to the base64 of exactly " + KEY_BYTES
                    + " random bytes (for example: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static void generate(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(temp, Base64.getEncoder().encodeToString(bytes) + System.lineSeparator(),
                StandardCharsets.US_ASCII);
        try {
            // A hard link fails when the file exists, so a key another node or process wrote meanwhile is kept.
            Files.createLink(file, temp);
            log.warn("Generated the key that encrypts secrets at rest into {} (owner-only). Back it up: without it"
                    + " the stored secrets cannot be read. Clusters must share one key through {}.", file,
                    SecretCipher.KEY_VARIABLE);
        } catch (FileAlreadyExistsException raced) {
            log.debug("Another process created {} first; using its key", file);
        } finally {
            Files.delete(temp);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        try {
            if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                log.warn("The secret key file {} is readable by others; restrict it with chmod 600", file);
            }
        } catch (UnsupportedOperationException notPosix) {
            log.debug("Cannot check the permissions of {} on this file system", file);
        }
    }
}
