package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * A JSON object that names a field twice is refused (400 naming the field), on every endpoint that reads JSON:
 * keeping the last value let {@code {"rights":[],"rights":["admin"]}} grant {@code admin}.
 */
@InstanceTest
class DuplicateJsonFieldTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void createGroupWhenRightsGivenTwiceThenRefusedNamingRights() {
        String name = unique("dup_");

        Api.Response refused = api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + name + "\",\"label\":\"L\",\"rights\":[],\"rights\":[\"admin\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorCodes("rights")).containsExactly("duplicateField");
    }

    @Test
    void createGroupWhenRightsGivenTwiceThenNoGroupCreated() {
        String name = unique("dup_");

        api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + name + "\",\"label\":\"L\",\"rights\":[],\"rights\":[\"admin\"]}");

        assertThat(api.get("/api/v1/security-groups/" + name).status()).isEqualTo(404);
    }

    @Test
    void putAccountWhenLabelGivenTwiceThenRefusedNamingLabel() {
        Api.Response refused = api.put("/api/v1/external-accounts/" + unique("Dup_"),
                "{\"type\":\"oidc\",\"label\":\"First\",\"label\":\"Second\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("label")).containsExactly("duplicateField");
    }

    @Test
    void previewMaskWhenMaskGivenTwiceThenRefusedNamingMask() {
        Api.Response refused = api.post("/api/v1/association-mask/preview",
                "{\"mask\":\"Campaign - (.*)\",\"mask\":\"(.*)\",\"profiles\":[\"Campaign - admin\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("mask")).containsExactly("duplicateField");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
