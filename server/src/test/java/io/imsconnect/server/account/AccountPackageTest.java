package io.imsconnect.server.account;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.oidc;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

/**
 * The {@code ims} package turns the type {@code adobe-ims} on. A context (and database) of its own, so that the
 * package is not installed when the test starts, whatever else ran before.
 */
@InstanceTest
@TestPropertySource(properties = "imsconnect.test.context=account-package")
class AccountPackageTest {

    @LocalServerPort
    int port;

    @Test
    void adobeAccountWhenPackageNotInstalledThenConflictNamingThePackageUntilInstalled() {
        Api api = Api.at(port);

        Api.Response read = api.get("/api/v1/external-accounts/Adobe_Marketing_Cloud");
        Api.Response create = api.put("/api/v1/external-accounts/Adobe_Other", json(adobe(secret())));
        assertThat(read.status()).isEqualTo(409);
        assertThat(read.errorCodes("type")).containsExactly("packageNotInstalled");
        assertThat(read.json().path("detail").asString()).contains("'ims'");
        assertThat(create.status()).isEqualTo(409);
        assertThat(create.errorCodes("type")).containsExactly("packageNotInstalled");
        assertThat(api.put("/api/v1/external-accounts/Company",
                json(oidc("https://login.example.com/realms/acme", secret()))).status()).isEqualTo(201);

        Api.Response installed = api.post("/api/v1/packages/ims/install", null);

        assertThat(installed.status()).isEqualTo(200);
        assertThat(installed.json().path("label").asString()).isEqualTo("Integration with the Adobe Experience Cloud");
        JsonNode account = api.get("/api/v1/external-accounts/Adobe_Marketing_Cloud").json();
        assertThat(account.path("type").asString()).isEqualTo("adobe-ims");
        assertThat(account.path("enabled").asBoolean()).isFalse();
        assertThat(account.path("imsClientSecretSet").asBoolean()).isFalse();
        assertThat(account.has("imsServer")).isFalse();
        assertThat(api.put("/api/v1/external-accounts/Adobe_Other", json(adobe(secret()))).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/packages/ims/install", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/external-accounts").json().size()).isEqualTo(3);
    }
}
