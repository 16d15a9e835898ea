package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/** A time filter out of 1970 to 9999 is refused naming the field, instead of answering an empty list. */
@InstanceTest
class OutOfRangeDateTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({
            "/api/v1/audit-events, from, -999999999-01-01T00:00:00Z",
            "/api/v1/audit-events, to, -999999999-01-01T00:00:00Z",
            "/api/v1/audit-events, from, +10000-01-01T00:00:00Z",
            "/api/v1/audit-events, to, 1969-12-31T23:59:59Z",
            "/api/v1/login-decisions, from, -999999999-01-01T00:00:00Z",
            "/api/v1/login-decisions, to, +999999999-12-31T23:59:59Z",
            "/api/v1/login-decisions, from, 1969-12-31T23:59:59Z" })
    void listWhenInstantOutOfRangeThenRefusedNamingTheField(String path, String field, String instant) {
        Api.Response refused = api.get(path + "?" + field + "=" + instant.replace("+", "%2B"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes(field)).containsExactly("outOfRange");
    }

    @Test
    void listWhenBothBoundsOutOfRangeThenBothNamed() {
        Api.Response refused = api.get("/api/v1/audit-events?from=-999999999-01-01T00:00:00Z"
                + "&to=%2B999999999-12-31T23:59:59Z");

        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("from", "to");
    }

    @Test
    void listWhenBoundsAtTheEdgesOfTheRangeThenAnswered() {
        Api.Response answered = api.get("/api/v1/audit-events?from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59Z");

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().size()).isPositive();
    }
}
