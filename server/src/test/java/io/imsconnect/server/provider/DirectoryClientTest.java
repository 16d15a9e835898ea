package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** RFC 9110 §10.2.3: a Retry-After is delay-seconds or an HTTP date. */
class DirectoryClientTest {

    private final DirectoryClient client = new DirectoryClient(null, null,
            Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void retryAfterWhenSecondsThenThatLong() {
        assertThat(client.retryAfter("3244")).isEqualTo(Duration.ofSeconds(3244));
    }

    @Test
    void retryAfterWhenHttpDateThenUntilThen() {
        assertThat(client.retryAfter("Sun, 29 Nov 2026 10:40:00 GMT")).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void retryAfterWhenDatePassedThenNoWaitAndWhenUnreadableOrAbsentThenNone() {
        assertThat(client.retryAfter("Sun, 29 Nov 2026 09:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(client.retryAfter("soon")).isNull();
        assertThat(client.retryAfter(null)).isNull();
    }
}
