package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * Control and format characters (NUL, ESC, bidi overrides and isolates …) are refused in names, labels and every
 * free-text field with the field error {@code controlCharacter}, never stored, and never a 500 (PostgreSQL
 * refuses NUL in text). Runs on H2 and on PostgreSQL.
 */
@InstanceTest
class ControlCharacterTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    /** JSON escapes of the characters, so the request itself is plain ASCII. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0000", "001b", "0007", "000a", "202e", "202a", "2066", "2069", "200f", "feff" })
    void createGroupWhenLabelHoldsControlCharacterThenRefusedNamingLabel(String hex) {
        Api.Response refused = api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + unique("ctl_") + "\",\"label\":\"Campaign\\u" + hex + "users\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("label")).containsExactly("controlCharacter");
    }

    @Test
    void createGroupWhenLabelHoldsNulThenNothingStored() {
        String name = unique("nul_");

        api.post("/api/v1/security-groups", "{\"internalName\":\"" + name + "\",\"label\":\"a\\u0000b\"}");

        assertThat(api.get("/api/v1/security-groups/" + name).status()).isEqualTo(404);
    }

    @Test
    void updateGroupWhenLabelHoldsControlCharacterThenRefusedAndLabelKept() {
        String name = unique("upd_");
        api.post("/api/v1/security-groups", "{\"internalName\":\"" + name + "\",\"label\":\"Before\"}");

        Api.Response refused = api.put("/api/v1/security-groups/" + name, "{\"label\":\"\\u001b[31mAfter\"}");

        assertThat(refused.errorCodes("label")).containsExactly("controlCharacter");
        assertThat(api.get("/api/v1/security-groups/" + name).json().path("label").asString()).isEqualTo("Before");
    }

    @Test
    void createGroupWhenLabelNeedsAZeroWidthNonJoinerThenStored() {
        String name = unique("fa_");

        Api.Response created = api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + name + "\",\"label\":\"\u0645\u06CC\\u200c\u062E\u0648\u0627\u0647\u0645\"}");

        assertThat(created.status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "label", "imsClientId", "tenant", "productContext", "groupsClaim", "imsServer",
            "associationMask" })
    void putAccountWhenFieldHoldsNulThenRefusedNamingIt(String field) {
        Api.Response refused = api.put("/api/v1/external-accounts/" + unique("Ctl_"),
                "{\"type\":\"oidc\",\"" + field + "\":\"https://sso\\u0000.example.com/(.*)\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes(field)).containsExactly("controlCharacter");
    }

    @Test
    void putAccountWhenLabelHoldsBidiOverrideThenNothingStored() {
        String name = unique("Bidi_");

        api.put("/api/v1/external-accounts/" + name, "{\"type\":\"oidc\",\"label\":\"SSO \\u202eevil\"}");

        assertThat(api.get("/api/v1/external-accounts/" + name).status()).isEqualTo(404);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
