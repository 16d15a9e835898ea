package io.imsconnect.server.operator;

import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class OperatorApiTest {

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
    void listWhenStartedThenBreakGlassAdminIsLocalWithManualAdminMembership() {
        JsonNode admin = api.get("/api/v1/operators/admin").json();

        assertThat(admin.path("origin").asString()).isEqualTo("LOCAL");
        assertThat(admin.path("groups").toString()).contains("{\"group\":\"admin\",\"groupLabel\":\"Administrators\",\"source\":\"MANUAL\"}");
        assertThat(admin.path("rights").toString()).isEqualTo("[\"admin\"]");
        assertThat(api.get("/api/v1/operators").json().toString()).contains("\"name\":\"admin\"");
    }

    @Test
    void setGroupsWhenValidThenManualMembershipsReplacedAndAudited() {
        String name = unique("op");
        operators.createLocal(name, "Op", "op-password-123", Set.of("delivery"));

        Api.Response updated = api.put("/api/v1/operators/" + name + "/groups", "{\"groups\":[\"content\",\"report\"]}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("groups").toString())
                .contains("\"group\":\"content\"").contains("\"group\":\"report\"").doesNotContain("\"group\":\"delivery\"");
        assertThat(updated.json().path("rights").toString()).isEqualTo("[\"content\",\"report\"]");
        JsonNode event = api.get("/api/v1/audit-events?action=operator.manualGroups.changed").json().get(0);
        assertThat(event.path("target").asString()).isEqualTo(name);
        assertThat(event.path("before").toString()).contains("delivery");
    }

    @Test
    void setGroupsWhenGroupUnknownThenBadRequestAndNothingChanged() {
        String name = unique("op");
        operators.createLocal(name, "Op", "op-password-123", Set.of("delivery"));

        Api.Response refused = api.put("/api/v1/operators/" + name + "/groups", "{\"groups\":[\"content\",\"nosuch\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("groups")).containsExactly("unknownGroup");
        assertThat(api.get("/api/v1/operators/" + name).json().path("groups").toString())
                .contains("\"group\":\"delivery\"").doesNotContain("content");
    }

    @Test
    void setGroupsWhenItRemovesTheLastAdministratorThenConflict() {
        Api.Response refused = api.put("/api/v1/operators/admin/groups", "{\"groups\":[]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCodes("groups")).containsExactly("lastAdministrator");
        assertThat(api.get("/api/v1/operators/admin").json().path("rights").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void disableWhenLastAdministratorThenConflictAndStillEnabled() {
        Api.Response refused = api.post("/api/v1/operators/admin/disable", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/operators/admin").json().path("disabled").asBoolean()).isFalse();
    }

    @Test
    void disableWhenOperatorSignedInThenCredentialsStopWorkingUntilEnabled() {
        String name = unique("op");
        operators.createLocal(name, "Op", "op-password-123", Set.of("delivery"));
        Api self = api.as(name, "op-password-123");
        assertThat(self.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(api.post("/api/v1/operators/" + name + "/disable", null).json().path("disabled").asBoolean()).isTrue();
        assertThat(self.get("/api/v1/me").status()).isEqualTo(401);

        api.post("/api/v1/operators/" + name + "/enable", null);
        assertThat(self.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void operatorWhenNotAdminThenSeesItselfButNoAdministration() {
        String name = unique("op");
        operators.createLocal(name, "Op", "op-password-123", Set.of("delivery"));
        Api self = api.as(name, "op-password-123");

        JsonNode me = self.get("/api/v1/me").json();
        assertThat(me.path("name").asString()).isEqualTo(name);
        assertThat(me.path("rights").toString()).isEqualTo("[\"delivery\"]");
        assertThat(self.get("/api/v1/version").status()).isEqualTo(200);
        for (String path : new String[] { "/api/v1/operators", "/api/v1/security-groups", "/api/v1/packages",
                "/api/v1/audit-events", "/api/v1/operators/admin" }) {
            Api.Response denied = self.get(path);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(self.post("/api/v1/security-groups", "{\"internalName\":\"x\",\"label\":\"x\",\"rights\":[]}").status())
                .isEqualTo(403);
        assertThat(self.post("/api/v1/packages/core/install", null).status()).isEqualTo(403);
    }
}
