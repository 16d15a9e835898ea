package io.imsconnect.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The cipher and its key on the real schema (H2), without an application context. */
class SecretCipherTest {

    AccountRepository store;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:cipher" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        store = new AccountRepository(JdbcClient.create(database));
    }

    @Test
    void constructWhenKeyDiffersFromTheOneTheDatabaseWasSetUpWithThenFailsNamingTheVariable() {
        new SecretCipher(randomKey(), "first key", store);

        assertThatThrownBy(() -> new SecretCipher(randomKey(), SecretCipher.KEY_VARIABLE, store))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IMSCONNECT_SECRET_KEY")
                .hasMessageContaining("not the key");
    }

    @Test
    void constructWhenSameKeyAgainThenAccepted() {
        SecretKey key = randomKey();
        String stored = new SecretCipher(key, "key", store).encrypt("client-secret", "ctx");

        assertThat(new SecretCipher(key, "key", store).decrypt(stored, "ctx")).isEqualTo("client-secret");
    }

    @Test
    void encryptWhenSameValueTwiceThenDifferentCiphertextsWithoutThePlaintext() {
        SecretCipher cipher = new SecretCipher(randomKey(), "key", store);

        String first = cipher.encrypt("client-secret", "ctx");
        String second = cipher.encrypt("client-secret", "ctx");

        assertThat(first).isNotEqualTo(second).startsWith("v1:").doesNotContain("client-secret");
        assertThat(cipher.decrypt(second, "ctx")).isEqualTo("client-secret");
    }

    @Test
    void decryptWhenContextDiffersThenRefused() {
        SecretCipher cipher = new SecretCipher(randomKey(), "key", store);
        String stored = cipher.encrypt("client-secret", "externalAccount/A/imsClientSecret");

        assertThatThrownBy(() -> cipher.decrypt(stored, "externalAccount/B/imsClientSecret"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("client-secret");
    }

    @Test
    void loadWhenConfiguredKeyIsNotBase64ThenFailsNamingTheVariable() {
        assertThatThrownBy(() -> SecretKeys.load("not base64!", Path.of("unused")))
                .hasMessageContaining("IMSCONNECT_SECRET_KEY").hasMessageContaining("base64");
    }

    @Test
    void loadWhenConfiguredKeyHasTheWrongLengthThenFailsNamingTheVariable() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeys.load(shortKey, Path.of("unused")))
                .hasMessageContaining("IMSCONNECT_SECRET_KEY").hasMessageContaining("32");
    }

    @Test
    void loadWhenNoKeyConfiguredThenGeneratesAnOwnerOnlyFileAndReusesIt(@TempDir Path dataDir) throws Exception {
        SecretKeys.Loaded first = SecretKeys.load("", dataDir);
        SecretKeys.Loaded second = SecretKeys.load(null, dataDir);

        Path file = dataDir.resolve(SecretKeys.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(first.source()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(first.toString()).doesNotContain(Files.readString(file).strip());
    }

    @Test
    void loadWhenKeyConfiguredThenItWinsOverTheFile(@TempDir Path dataDir) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);

        SecretKeys.Loaded loaded = SecretKeys.load(Base64.getEncoder().encodeToString(bytes), dataDir);

        assertThat(loaded.key().getEncoded()).isEqualTo(bytes);
        assertThat(loaded.source()).isEqualTo("IMSCONNECT_SECRET_KEY");
        assertThat(dataDir.resolve(SecretKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void sealedValuesWhenSealedOnOneNodeThenOpenOnAnotherWithTheSameKeyOnly() {
        SecretKey key = randomKey();
        byte[] value = "state, nonce and verifier".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sealed = new SecretCipher(key, "node 1", store).sealedValues().seal(value, "ctx");

        assertThat(new SecretCipher(key, "node 2", store).sealedValues().open(sealed, "ctx")).contains(value);
        assertThat(new SecretCipher(key, "node 2", store).sealedValues().open(sealed, "other")).isEmpty();
        assertThat(new SealedValues(key).open(sealed, "ctx")).as("the secrets' own key does not open it").isEmpty();
        assertThat(sealed).doesNotContain("nonce").matches("[A-Za-z0-9_-]+");
    }

    private static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return SecretKeys.decode(Base64.getEncoder().encodeToString(bytes), "test");
    }
}
