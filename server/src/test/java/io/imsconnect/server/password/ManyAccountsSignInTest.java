package io.imsconnect.server.password;

import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.InstanceTest;

/**
 * The break-glass path holds however many accounts the sign-in page lists: with a button for each of 120 enabled
 * accounts the page outgrows the response buffer, and its CSRF token, kept in a session created only after the
 * response was committed, never reached the browser (no session cookie, a cut-off page, 403 on the password).
 */
@InstanceTest
class ManyAccountsSignInTest {

    private static final int ACCOUNTS = 120;

    @LocalServerPort
    int port;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteAccounts() {
        Api api = Api.at(port);
        created.forEach(name -> api.delete("/api/v1/external-accounts/" + name));
    }

    @Test
    void passwordSignInWhenTheSignInPageListsManyAccountsThenItStillWorks() throws Exception {
        Api api = Api.at(port);
        for (int i = 0; i < ACCOUNTS; i++) {
            String name = unique("many_");
            Api.Response saved = api.put("/api/v1/external-accounts/" + name, """
                    {"type":"oidc","label":"A company sign-in with a label long enough to fill the page %d",
                     "enabled":true,"imsServer":"https://login.example.com","imsClientId":"c","imsClientSecret":"s",
                     "callbackServer":"https://campaign.example.com","associationMask":"campaign-(.*)"}"""
                    .formatted(i));
            assertThat(saved.status()).isEqualTo(201);
            created.add(name);
        }

        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> home = console.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(Api.ADMIN);
    }
}
