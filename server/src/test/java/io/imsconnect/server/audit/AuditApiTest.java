package io.imsconnect.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class AuditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    @Test
    void createLocalOperatorWhenAuditedThenPasswordNeitherPlainNorHashed() {
        String name = "audited" + UUID.randomUUID().toString().substring(0, 8);
        String password = "very-secret-password-" + UUID.randomUUID();

        operators.createLocal(name, "Audited", password, Set.of("report"));

        JsonNode events = Api.at(port).get("/api/v1/audit-events?action=operator.created&limit=1000").json();
        String all = events.toString();
        assertThat(all).contains("\"target\":\"" + name + "\"").contains("\"password\":\"set\"");
        assertThat(all).doesNotContain(password).doesNotContain("{bcrypt}");
    }

    @Test
    void listWhenFilteredByActorThenOnlyThatActorsEvents() {
        JsonNode events = Api.at(port).get("/api/v1/audit-events?actor=system").json();

        assertThat(events.size()).isPositive();
        events.forEach(e -> assertThat(e.path("actor").asString()).isEqualTo("system"));
    }
}
