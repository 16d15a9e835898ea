package io.imsconnect.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class PackageApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void listWhenStartedThenCorePackageIsInstalledBySystem() {
        JsonNode core = corePackage();

        assertThat(core.path("installed").asBoolean()).isTrue();
        assertThat(core.path("installedBy").asString()).isEqualTo("system");
        assertThat(core.path("version").asString()).isEqualTo("1.0");
    }

    @Test
    void installWhenAlreadyInstalledThenNothingChanges() {
        String installedAt = corePackage().path("installedAt").asString();
        int groups = api.get("/api/v1/security-groups").json().size();

        Api.Response again = api.post("/api/v1/packages/core/install", null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("installedAt").asString()).isEqualTo(installedAt);
        assertThat(api.get("/api/v1/security-groups").json().size()).isEqualTo(groups);
    }

    @Test
    void installWhenPackageUnknownThenNotFound() {
        assertThat(api.post("/api/v1/packages/nosuch/install", null).status()).isEqualTo(404);
    }

    private JsonNode corePackage() {
        for (JsonNode p : api.get("/api/v1/packages").json()) {
            if ("core".equals(p.path("name").asString())) {
                return p;
            }
        }
        throw new AssertionError("core package not listed");
    }
}
