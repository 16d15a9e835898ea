package io.imsconnect.server.account;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static io.imsconnect.server.testing.AccountBodies.with;
import static io.imsconnect.server.testing.AccountBodies.without;
import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/** A stored secret is only ever sent to the server it was typed for. */
@InstanceTest
class SecretFollowsServerTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        api.installImsPackage();
    }

    @Test
    void updateWhenImsServerMovesWithoutTheSecretThenRefusedAndNothingChanged() {
        String name = unique("move_");
        String secret = secret();
        Map<String, Object> account = adobe(secret);
        assertThat(api.put("/api/v1/external-accounts/" + name, json(account)).status()).isEqualTo(201);

        Api.Response refused = api.put("/api/v1/external-accounts/" + name,
                json(with(without(account, "imsClientSecret"), "imsServer", "https://ims.attacker.example")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("imsClientSecret")).containsExactly("required.serverChanged");
        assertThat(accounts.find(name).orElseThrow().imsServer()).isEqualTo("https://ims-na1.adobelogin.com");
        assertThat(accounts.imsClientSecret(name)).contains(secret);
    }

    @Test
    void updateWhenImsServerUnchangedWithoutTheSecretThenSecretKept() {
        String name = unique("keep_");
        String secret = secret();
        Map<String, Object> account = adobe(secret);
        api.put("/api/v1/external-accounts/" + name, json(account));

        Api.Response saved = api.put("/api/v1/external-accounts/" + name,
                json(with(without(account, "imsClientSecret"), "label", "Renamed")));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(accounts.imsClientSecret(name)).contains(secret);
    }
}
