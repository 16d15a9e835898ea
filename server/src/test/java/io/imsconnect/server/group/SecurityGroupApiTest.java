package io.imsconnect.server.group;

import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class SecurityGroupApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }


    @Test
    void listWhenInstanceStartedThenStandardGroupsEachCarryTheirOwnRight() {
        JsonNode groups = api.get("/api/v1/security-groups").json();
        for (String standard : Rights.STANDARD) {
            JsonNode group = find(groups, standard);
            assertThat(group).as(standard).isNotNull();
            assertThat(group.path("rights").toString()).isEqualTo("[\"" + standard + "\"]");
        }
    }

    @Test
    void createWhenValidThenCreatedReadableAndAudited() {
        String name = unique("campaign_");
        Api.Response created = api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + name + "\",\"label\":\"Campaign users\",\"rights\":[\"delivery\",\"content\"]}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode group = api.get("/api/v1/security-groups/" + name).json();
        assertThat(group.path("label").asString()).isEqualTo("Campaign users");
        assertThat(group.path("rights").toString()).isEqualTo("[\"content\",\"delivery\"]");
        JsonNode events = api.get("/api/v1/audit-events?action=securityGroup.created").json();
        assertThat(events.toString()).contains("\"target\":\"" + name + "\"").contains("\"actor\":\"admin\"");
    }

    @Test
    void updateWhenValidThenLabelAndRightsChangeAndAuditKeepsBeforeAndAfter() {
        String name = unique("upd_");
        api.post("/api/v1/security-groups", "{\"internalName\":\"" + name + "\",\"label\":\"Old\",\"rights\":[\"report\"]}");

        Api.Response updated = api.put("/api/v1/security-groups/" + name,
                "{\"label\":\"New\",\"rights\":[\"offer\"]}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("rights").toString()).isEqualTo("[\"offer\"]");
        JsonNode event = api.get("/api/v1/audit-events?action=securityGroup.updated").json().get(0);
        assertThat(event.path("before").toString()).contains("Old").contains("report");
        assertThat(event.path("after").toString()).contains("New").contains("offer");
    }

    @Test
    void deleteWhenUnusedThenGone() {
        String name = unique("gone_");
        api.post("/api/v1/security-groups", "{\"internalName\":\"" + name + "\",\"label\":\"Gone\",\"rights\":[]}");

        assertThat(api.delete("/api/v1/security-groups/" + name).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/security-groups/" + name).status()).isEqualTo(404);
    }

    @Nested
    class Refused {

        @ParameterizedTest(name = "internalName \"{0}\" -> {1}")
        @CsvSource({
                "'', required",
                "9delivery, invalid",
                "_delivery, invalid",
                "deli-very, invalid",
                "deli very, invalid",
                "délivery, invalid",
                "a1234567890123456789012345678901234567890123456789012345678901234, tooLong" })
        void createWhenInternalNameBadThenBadRequestNamingTheField(String internalName, String code) {
            int before = groupCount();

            Api.Response refused = api.post("/api/v1/security-groups",
                    "{\"internalName\":\"" + internalName + "\",\"label\":\"x\",\"rights\":[]}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.errorCodes("internalName")).containsExactly(code);
            assertThat(groupCount()).isEqualTo(before);
        }

        @Test
        void createWhenNameTakenThenConflictAndNothingChanged() {
            Api.Response refused = api.post("/api/v1/security-groups",
                    "{\"internalName\":\"delivery\",\"label\":\"Again\",\"rights\":[]}");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCodes("internalName")).containsExactly("duplicate");
            assertThat(api.get("/api/v1/security-groups/delivery").json().path("label").asString())
                    .isEqualTo("Delivery");
        }

        @Test
        void createWhenRightUnknownThenBadRequestNamingRights() {
            Api.Response refused = api.post("/api/v1/security-groups",
                    "{\"internalName\":\"" + unique("r_") + "\",\"label\":\"x\",\"rights\":[\"superuser\"]}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCodes("rights")).containsExactly("unknownRight");
        }

        @Test
        void createWhenLabelTooLongThenBadRequest() {
            Api.Response refused = api.post("/api/v1/security-groups", "{\"internalName\":\"" + unique("l_")
                    + "\",\"label\":\"" + "x".repeat(256) + "\",\"rights\":[]}");

            assertThat(refused.errorCodes("label")).containsExactly("tooLong");
        }

        @Test
        void createWhenJsonMalformedThenBadRequestNamingTheBody() {
            Api.Response refused = api.post("/api/v1/security-groups", "{\"internalName\": ");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCodes("body")).containsExactly("malformedJson");
        }

        @Test
        void createWhenFieldUnknownThenBadRequestNamingIt() {
            int before = groupCount();

            Api.Response refused = api.post("/api/v1/security-groups",
                    "{\"internalName\":\"" + unique("u_") + "\",\"label\":\"x\",\"rights\":[],\"owner\":\"me\"}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCodes("owner")).containsExactly("unknownField");
            assertThat(groupCount()).isEqualTo(before);
        }

        @Test
        void createWhenRightsNotAListThenBadRequestNamingRights() {
            Api.Response refused = api.post("/api/v1/security-groups",
                    "{\"internalName\":\"" + unique("t_") + "\",\"label\":\"x\",\"rights\":{\"a\":1}}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCodes("rights")).containsExactly("invalidValue");
        }

        @Test
        void updateWhenRenamingThenBadRequest() {
            Api.Response refused = api.put("/api/v1/security-groups/content",
                    "{\"internalName\":\"contents\",\"label\":\"Content\",\"rights\":[\"content\"]}");

            assertThat(refused.errorCodes("internalName")).containsExactly("immutable");
        }

        @Test
        void deleteWhenGroupHasMembersThenConflictAndGroupKept() {
            String name = unique("used_");
            api.post("/api/v1/security-groups", "{\"internalName\":\"" + name + "\",\"label\":\"Used\",\"rights\":[]}");
            operators.createLocal(unique("member"), "Member", "member-password-1", java.util.Set.of(name));

            Api.Response refused = api.delete("/api/v1/security-groups/" + name);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCodes("internalName")).containsExactly("inUse");
            assertThat(api.get("/api/v1/security-groups/" + name).status()).isEqualTo(200);
        }

        @Test
        void updateWhenRemovingTheLastAdministratorsAdminRightThenConflictAndRightKept() {
            Api.Response refused = api.put("/api/v1/security-groups/admin",
                    "{\"label\":\"Administrators\",\"rights\":[\"report\"]}");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCodes("rights")).containsExactly("lastAdministrator");
            assertThat(api.get("/api/v1/security-groups/admin").json().path("rights").toString())
                    .isEqualTo("[\"admin\"]");
        }

        @Test
        void getWhenUnknownThenNotFoundProblem() {
            Api.Response missing = api.get("/api/v1/security-groups/" + unique("none_"));

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
        }
    }

    private int groupCount() {
        return api.get("/api/v1/security-groups").json().size();
    }

    private static JsonNode find(JsonNode groups, String name) {
        for (JsonNode group : groups) {
            if (name.equals(group.path("internalName").asString())) {
                return group;
            }
        }
        return null;
    }
}
