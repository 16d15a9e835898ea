package io.imsconnect.server.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/** The mask preview against the organization's real product profiles, read from the sandbox's Admin Console API. */
@SignInTest
class MaskPreviewDirectoryTest {

    @LocalServerPort
    int port;

    @AfterEach
    void clearFaults() {
        Sandbox.get().clearFaults();
    }

    private String account(Api api) {
        return new Accounts(api, port).adobeIms(Accounts.ACME_MASK, """
                "directoryServer":"%s","directoryClientId":"%s","directoryClientSecret":"%s\""""
                .formatted(Sandbox.get().url(), Sandbox.DIRECTORY_CLIENT_ID, Sandbox.DIRECTORY_CLIENT_SECRET));
    }

    @Test
    void previewWhenAccountWithDirectoryAndNoProfilesThenTheOrganizationsProfilesWithAdminMarked() {
        Api api = Api.at(port);
        String account = account(api);

        Api.Response preview = api.post("/api/v1/association-mask/preview", "{\"account\":\"" + account + "\"}");

        assertThat(preview.status()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        preview.json().forEach(row -> rows.put(row.path("profile").asString(), row));
        assertThat(rows).containsOnlyKeys("Campaign - acme - admin", "Campaign - acme - delivery",
                "Campaign - acme - content", "Analytics - acme - reports");
        assertThat(rows.get("Campaign - acme - admin").path("grantsAdmin").asBoolean()).isTrue();
        assertThat(rows.get("Campaign - acme - delivery").path("grantsAdmin").asBoolean()).isFalse();
        assertThat(rows.get("Campaign - acme - delivery").path("groupExists").asBoolean()).isTrue();
        assertThat(rows.get("Analytics - acme - reports").path("status").asString()).isEqualTo("NO_MATCH");
    }

    @Test
    void previewWhenDirectoryThrottlesThenConflictSayingWhy() {
        Api api = Api.at(port);
        String account = account(api);
        Sandbox.get().faults("{\"umapiStatus\":429,\"umapiRetryAfterSeconds\":60}");

        Api.Response preview = api.post("/api/v1/association-mask/preview", "{\"account\":\"" + account + "\"}");

        assertThat(preview.status()).isEqualTo(409);
        assertThat(preview.errorCodes("account")).containsExactly("directoryUnavailable");
    }

    @Test
    void previewWhenAccountWithoutDirectoryAndNoProfilesThenProfilesRequired() {
        Api api = Api.at(port);
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);

        Api.Response preview = api.post("/api/v1/association-mask/preview", "{\"account\":\"" + account + "\"}");

        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.errorCodes("profiles")).containsExactly("required");
    }
}
