package io.imsconnect.sandbox.ims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextSecretsTest {

    private final PlainTextSecrets secrets = new PlainTextSecrets();

    @Test
    void upgradeEncodingWhenPlainTextThenNeverSoTheSecretIsNotRehashedWithBcrypt() {
        assertThat(secrets.upgradeEncoding("{noop}demo-secret")).isFalse();
    }

    @Test
    void matchesWhenPlainTextOrHashedThenAsTheDelegatingEncoder() {
        assertThat(secrets.matches("demo-secret", "{noop}demo-secret")).isTrue();
        assertThat(secrets.matches("other", "{noop}demo-secret")).isFalse();
        assertThat(secrets.matches("demo-secret", secrets.encode("demo-secret"))).isTrue();
    }
}
