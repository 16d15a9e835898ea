package io.imsconnect.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.imsconnect.server.testing.InstanceTest;

/** The password throttle, per address, per account from one address and per account, on the real schema. */
@InstanceTest
class LoginThrottleTest {

    @Autowired
    LoginThrottle throttle;

    @Test
    void beforeWhenOneAddressReachedTheAccountThresholdThenThatAddressIsHeldForThatAccountOnly() {
        String account = "target" + UUID.randomUUID();
        String guesser = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.before(account, guesser).held()).as("before failure " + (i + 1)).isFalse();
            throttle.failed(account, guesser);
        }

        assertThat(throttle.before(account, guesser).held()).isTrue();
        assertThat(throttle.before(account, "198.51.100." + (int) (Math.random() * 200)).held())
                .as("an address without failures still gets in").isFalse();
        assertThat(throttle.before("other" + UUID.randomUUID(), guesser).held()).isFalse();
    }

    @Test
    void beforeWhenGuessesCameFromEverNewAddressesThenNoAddressIsHeldButNewOnesAreDelayed() {
        String account = "target" + UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            throttle.failed(account, "2001:db8::" + Integer.toHexString(i + 1));
        }

        LoginThrottle.Verdict fresh = throttle.before(account, "2001:db8::ffff");
        assertThat(fresh.held()).as("never an account-wide block").isFalse();
        assertThat(fresh.delay()).isPositive();
    }

    @Test
    void beforeWhenTheAccountSignedInFromAnAddressThenOthersGuessesDoNotDelayIt() {
        String account = "target" + UUID.randomUUID();
        throttle.succeeded(account, "192.0.2.10");
        for (int i = 0; i < 10; i++) {
            throttle.failed(account, "198.51.100." + (i + 1));
        }

        assertThat(throttle.before(account, "192.0.2.10")).isEqualTo(LoginThrottle.Verdict.OPEN);
    }

    @Test
    void succeededWhenTheAddressWasFailingThenItsCountIsCleared() {
        String account = "target" + UUID.randomUUID();
        String address = "192.0.2." + (int) (Math.random() * 200);
        for (int i = 0; i < 4; i++) {
            throttle.failed(account, address);
        }

        throttle.succeeded(account, address);
        throttle.failed(account, address);

        assertThat(throttle.before(account, address).held()).isFalse();
    }
}
