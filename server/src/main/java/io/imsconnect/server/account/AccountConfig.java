package io.imsconnect.server.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imsconnect.server.config.ImsConnectProperties;

@Configuration(proxyBeanMethods = false)
class AccountConfig {

    /**
     * The cipher for secrets at rest, checked against the database at start: a missing, malformed or wrong key
     * stops the start here with a message naming {@code IMSCONNECT_SECRET_KEY}.
     */
    @Bean
    SecretCipher secretCipher(@Value("${imsconnect.secret-key:}") String configuredKey,
            ImsConnectProperties properties, AccountRepository accounts) {
        SecretKeys.Loaded loaded = SecretKeys.load(configuredKey, properties.dataDir());
        return new SecretCipher(loaded.key(), loaded.source(), accounts);
    }

    /** Sealing of values handed to browsers, under a key derived from the checked secret key. */
    @Bean
    SealedValues sealedValues(SecretCipher cipher) {
        return cipher.sealedValues();
    }
}
