package io.imsconnect.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.InstanceTest;

/**
 * Password guessing from many addresses (issue 13 item 2), over real HTTP. The instance sits behind a proxy that
 * names the client in {@code X-Forwarded-For}, as the README's cluster set-up has it, so each request can come
 * from an address of its own.
 */
@InstanceTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native", "imsconnect.security.guess-delay=200ms" })
class PasswordGuessingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    @Test
    void loginWhenTwentyFreshAddressesGuessedWrongThenTheRightPasswordStillGetsInFromAnotherAddress() throws Exception {
        String name = breakGlass();
        for (int i = 1; i <= 20; i++) {
            assertThat(me(name, "wrong-password", "198.51.100." + i)).isEqualTo(401);
        }

        assertThat(me(name, "right-password-1", "203.0.113.7")).isEqualTo(200);
    }

    @Test
    void loginWhenOneAddressKeepsGuessingThenThatAddressIsStoppedAndOthersAreNot() throws Exception {
        String name = breakGlass();
        for (int i = 0; i < 7; i++) {
            assertThat(me(name, "wrong-password", "192.0.2.66")).isEqualTo(401);
        }

        assertThat(me(name, "right-password-1", "192.0.2.66")).as("the guesser's address is held back").isEqualTo(401);
        assertThat(me(name, "right-password-1", "192.0.2.67")).isEqualTo(200);
    }

    private String breakGlass() {
        String name = "glass" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Break glass", "right-password-1", Set.of("admin"));
        return name;
    }

    private int me(String name, String password, String address) throws Exception {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Basic " + basic).header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
