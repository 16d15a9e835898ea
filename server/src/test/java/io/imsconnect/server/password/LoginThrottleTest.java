package io.imsconnect.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.imsconnect.server.password.LoginThrottle;
import io.imsconnect.server.testing.InstanceTest;

/** The password back-off, per account and per address, on the real schema. */
@InstanceTest
class LoginThrottleTest {

    @Autowired
    LoginThrottle throttle;

    @Test
    void isBlockedWhenAccountReachedItsThresholdThenBlockedForFailingAddressesOnly() {
        String account = "target" + UUID.randomUUID();
        String guesser = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.isBlocked(account, guesser)).as("before failure " + (i + 1)).isFalse();
            throttle.failed(account, guesser);
        }

        assertThat(throttle.isBlocked(account, guesser)).isTrue();
        assertThat(throttle.isBlocked(account, "198.51.100." + (int) (Math.random() * 200)))
                .as("an address without failures still gets in").isFalse();
        assertThat(throttle.isBlocked("other" + UUID.randomUUID(), "198.51.100.250")).isFalse();
    }

    @Test
    void isBlockedWhenGuessesCameFromEverNewAddressesPastTheCeilingThenBlockedEverywhere() {
        String account = "target" + UUID.randomUUID();
        int ceiling = LoginThrottle.ACCOUNT_CEILING * 5;
        for (int i = 0; i < ceiling; i++) {
            throttle.failed(account, "2001:db8::" + Integer.toHexString(i + 1));
        }

        assertThat(throttle.isBlocked(account, "2001:db8::ffff")).isTrue();
    }

    @Test
    void succeededWhenAccountWasFailingThenCounterCleared() {
        String account = "target" + UUID.randomUUID();
        String address = "192.0.2." + (int) (Math.random() * 200);
        for (int i = 0; i < 4; i++) {
            throttle.failed(account, address);
        }

        throttle.succeeded(account);
        throttle.failed(account, address);

        assertThat(throttle.isBlocked(account, address)).isFalse();
    }
}
