package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.imsconnect.server.testing.InstanceTest;

/** A sign-in's nonce is used once, on H2 and PostgreSQL alike (docs/decisions/0025). */
@InstanceTest
class UsedNoncesTest {

    @Autowired
    UsedNonces nonces;

    @Test
    void firstUseWhenTheSameNonceComesBackThenRefusedAndAnotherNonceStillAccepted() {
        String nonce = UUID.randomUUID().toString();

        assertThat(nonces.firstUse(nonce)).isTrue();
        assertThat(nonces.firstUse(nonce)).isFalse();
        assertThat(nonces.firstUse(UUID.randomUUID().toString())).isTrue();
    }
}
