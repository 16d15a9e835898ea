package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * An error answer is never larger than a few kilobytes, whatever was sent: lists are capped, at most 20 field
 * errors are listed (with the count of the others), and a field error quoting what was sent is cut.
 */
@InstanceTest
class OversizedInputTest {

    private static final int SMALL_BODY = 8 * 1024;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void createGroupWhenRightsHoldThousandsOfEntriesThenOneTooManyErrorInASmallAnswer() {
        String rights = IntStream.range(0, 5000).mapToObj(i -> "\"x" + i + "\"").collect(Collectors.joining(","));

        Api.Response refused = api.post("/api/v1/security-groups", group(rights));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("rights")).containsExactly("tooMany");
        assertThat(refused.body().length()).isLessThan(SMALL_BODY);
    }

    @Test
    void createGroupWhenMoreThanTwentyFieldErrorsThenTwentyListedAndTheOthersCounted() {
        String rights = IntStream.range(0, 100).mapToObj(i -> "\"unknown" + i + "\"")
                .collect(Collectors.joining(","));

        Api.Response refused = api.post("/api/v1/security-groups", group(rights));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").size()).isEqualTo(20);
        assertThat(refused.json().path("errorsNotShown").asInt()).isEqualTo(80);
    }

    @Test
    void createGroupWhenAnUnknownRightIsHugeThenTheErrorQuotingItIsCut() {
        Api.Response refused = api.post("/api/v1/security-groups", group("\"" + "x".repeat(200_000) + "\""));

        assertThat(refused.errorCodes("rights")).containsExactly("unknownRight");
        assertThat(refused.body().length()).isLessThan(SMALL_BODY);
    }

    @Test
    void createGroupWhenAnUnknownFieldNameIsHugeThenTheErrorNamingItIsCut() {
        String body = "{\"internalName\":\"" + unique() + "\",\"label\":\"L\",\"" + "f".repeat(40_000) + "\":1}";

        Api.Response refused = api.post("/api/v1/security-groups", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().length()).isLessThan(SMALL_BODY);
    }

    private static String group(String rights) {
        return "{\"internalName\":\"" + unique() + "\",\"label\":\"Oversized\",\"rights\":[" + rights + "]}";
    }

    private static String unique() {
        return "big_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
