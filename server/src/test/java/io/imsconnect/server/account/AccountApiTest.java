package io.imsconnect.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class AccountApiTest {

    static final String ORG = "A495E53C0123456789ABCDEF@AdobeOrg";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        assertThat(api.post("/api/v1/packages/ims/install", null).status()).isEqualTo(200);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String adobeAccount(String secret) {
        return """
                {"label":"Adobe","type":"adobe-ims","enabled":true,"imsServer":"https://ims-na1.adobelogin.com",
                 "imsScope":"openid,AdobeID read_organizations","imsClientId":"campaign-client",
                 "imsClientSecret":"%s","callbackServer":"https://campaign.example.com",
                 "imsOrganizationId":"%s","associationMask":"Campaign - acme - (.*)","tenant":"acme"}"""
                .formatted(secret, ORG);
    }

    @Test
    void putWhenNewAndValidThenCreatedWithRedirectUriAndSecretOnlyFlagged() {
        String name = unique("acct_");
        String secret = "s3cr3t-" + UUID.randomUUID();

        Api.Response created = api.put("/api/v1/external-accounts/" + name, adobeAccount(secret));

        assertThat(created.status()).isEqualTo(201);
        JsonNode account = api.get("/api/v1/external-accounts/" + name).json();
        assertThat(account.path("imsScope").toString())
                .isEqualTo("[\"openid\",\"AdobeID\",\"read_organizations\"]");
        assertThat(account.path("imsClientSecretSet").asBoolean()).isTrue();
        assertThat(account.has("imsClientSecret")).isFalse();
        assertThat(account.path("redirectUri").asString())
                .isEqualTo("https://campaign.example.com/login/oauth2/code/" + name);
        assertThat(created.body()).doesNotContain(secret);
    }
}
