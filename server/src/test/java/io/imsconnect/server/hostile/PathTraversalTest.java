package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

/**
 * Path traversal: static resources, the console and the API serve nothing outside what they map, however the
 * dots, slashes and path parameters are spelled (sent on a raw socket, so no client normalizes them first), and an
 * account or group name cannot be a path. docs/security/hostile-inputs.md.
 */
@InstanceTest
class PathTraversalTest {

    /** Text that only the files outside the static folder hold. */
    private static final List<String> SECRETS = List.of("spring.datasource", "imsconnect.admin.password",
            "nav.accessManagement", "th:fragment", "package io.imsconnect", "root:x:0:0");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void staticPathsWhenTheyClimbOutThenNothingOutsideTheStaticFolderIsServed() throws IOException {
        assertThat(raw("/assets/css/console.css")).startsWith("HTTP/1.1 200");
        for (String path : List.of("/assets/css/../application.properties",
                "/assets/css/%2e%2e/application.properties", "/assets/css/%2e%2e%2fapplication.properties",
                "/assets/css/..%2f..%2fapplication.properties", "/assets/css/%252e%252e/application.properties",
                "/assets/css/..%5capplication.properties", "/assets/css/..;/application.properties",
                "/assets/css/....//....//application.properties", "/assets/css/../templates/fragments/layout.html",
                "/assets/css/../../../../../../etc/passwd", "/assets/css/%c0%ae%c0%ae/application.properties",
                "/assets/../application.properties", "/application.properties", "/messages.properties",
                "/templates/login.html", "/META-INF/MANIFEST.MF", "/io/imsconnect/server/ImsConnectApplication.class",
                "/assets/css/console.css%00.properties", "/assets/css/console.css/..;/../application.properties")) {
            String response = raw(path);
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200").doesNotStartWith("HTTP/1.1 5");
            SECRETS.forEach(secret -> assertThat(response).as(path).doesNotContain(secret));
        }
    }

    @Test
    void adminPathsWhenSpelledAroundTheRuleThenStillRefusedToAnonymous() throws IOException {
        for (String path : List.of("/admin/groups", "/admin/groups/", "//admin/groups", "/./admin/groups",
                "/admin/./groups", "/x/../admin/groups", "/admin;x=y/groups", "/login/..;/admin/groups",
                "/assets/css/..;/admin/groups", "/ADMIN/groups", "/admin%2fgroups", "/%61dmin/groups",
                "/api/v1/../v1/security-groups", "/api/v1/./security-groups", "/api;/v1/security-groups",
                "/assets/css/../api/v1/security-groups", "/actuator/health/../env",
                "/actuator/health/..;/prometheus")) {
            String response = raw(path);
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200").doesNotStartWith("HTTP/1.1 5")
                    .doesNotContain("Administrators");
        }
    }

    @Test
    void namesWhenTheyAreRelativePathsThenRefusedNamingTheField() {
        for (String name : List.of("..", "../admin", "..%2F..%2Fsecurity-groups", "a%2Fb", "%2e%2e")) {
            Api.Response account = api.put("/api/v1/external-accounts/" + name, "{\"label\":\"x\",\"type\":\"oidc\"}");
            Api.Response group = api.get("/api/v1/security-groups/" + name);
            assertThat(account.status()).as(name).isIn(400, 404);
            assertThat(group.status()).as(name).isIn(400, 404);
        }
        Api.Response dotted = api.post("/api/v1/security-groups", "{\"internalName\":\"../admin\",\"label\":\"x\","
                + "\"rights\":[]}");
        assertThat(dotted.status()).isEqualTo(400);
        assertThat(dotted.errorCodes("internalName")).isNotEmpty();
        Api.Response account = api.put("/api/v1/external-accounts/a.b", "{\"label\":\"x\",\"type\":\"oidc\"}");
        assertThat(account.status()).isEqualTo(400);
    }

    /** The response to {@code GET path} sent as is, on a socket: status line, headers and body. */
    private String raw(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
