package io.imsconnect.server.connection;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.oidc;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static io.imsconnect.server.testing.AccountBodies.with;
import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

/**
 * "Test connection" against a real local HTTP server playing the identity provider, one behaviour per path
 * prefix. Plain http on loopback needs the insecure-loopback setting, hence a context of its own.
 */
@InstanceTest
@TestPropertySource(properties = "imsconnect.security.allow-insecure-loopback=true")
class ConnectionTestApiTest {

    static final String DIRECTORY_SECRET = "directory-" + java.util.UUID.randomUUID();
    static final String ACCESS_TOKEN = "token-" + java.util.UUID.randomUUID();
    static final String WRONG_LOGIN_SECRET = "wrong-login-secret";

    @LocalServerPort
    int port;

    Api api;
    HttpServer provider;
    ExecutorService threads;

    @BeforeEach
    void start() throws IOException {
        api = Api.at(port);
        api.installImsPackage();
        threads = Executors.newCachedThreadPool();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.setExecutor(threads);
        provider.createContext("/", this::answer);
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        threads.shutdownNow();
    }

    @Test
    void testWhenNothingListensThenDiscoveryStepSaysConnectionRefused() {
        String name = save(oidc("http://127.0.0.1:1", secret()));

        JsonNode report = api.post("/api/v1/external-accounts/" + name + "/test", null).json();

        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("steps").size()).isEqualTo(1);
        assertThat(report.path("steps").get(0).path("name").asString()).isEqualTo("discovery");
        assertThat(report.path("steps").get(0).path("ok").asBoolean()).isFalse();
        assertThat(report.path("steps").get(0).path("detail").asString()).startsWith("connection refused");
    }

    @Test
    void testWhenProviderAnswersEveryStepThenEachStepOkIncludingClientCredentials() {
        String name = save(with(with(oidc(issuer("ok"), secret()), "directoryClientId", "directory-client"),
                "directoryClientSecret", DIRECTORY_SECRET));

        Api.Response response = api.post("/api/v1/external-accounts/" + name + "/test", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("steps").valueStream().map(s -> s.path("name").asString()).toList())
                .containsExactly("discovery", "jwks", "authorizationEndpoint", "tokenEndpoint", "loginClient",
                        "clientCredentials");
        assertThat(report.path("steps").valueStream().allMatch(s -> s.path("ok").asBoolean())).isTrue();
        assertThat(response.body()).doesNotContain(DIRECTORY_SECRET).doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void testWhenAdobeImsThenDiscoveryIsReadUnderIms() {
        String name = save(with(adobe(secret()), "imsServer", issuer("adobe")));

        JsonNode report = api.post("/api/v1/external-accounts/" + name + "/test", null).json();

        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("steps").get(0).path("detail").asString())
                .contains("/adobe/ims/.well-known/openid-configuration");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "status404,    discovery,         HTTP 404",
            "html,         discovery,         not JSON",
            "nojwks,       discovery,         missing field",
            "nokeys,       jwks,              missing field",
            "notoken,      tokenEndpoint,     HTTP 404",
            "badlogin,     loginClient,       error invalid_client",
            "badsecret,    clientCredentials, error invalid_client" })
    void testWhenProviderMisbehavesThenTheFailedStepSaysHowInWords(String behaviour, String step, String words) {
        String loginSecret = "badlogin".equals(behaviour) ? WRONG_LOGIN_SECRET : secret();
        String name = save(with(with(oidc(issuer(behaviour), loginSecret), "directoryClientId", "directory-client"),
                "directoryClientSecret", "badsecret".equals(behaviour) ? "wrong" : DIRECTORY_SECRET));

        JsonNode report = api.post("/api/v1/external-accounts/" + name + "/test", null).json();

        assertThat(report.path("ok").asBoolean()).isFalse();
        JsonNode last = report.path("steps").get(report.path("steps").size() - 1);
        assertThat(last.path("name").asString()).isEqualTo(step);
        assertThat(last.path("ok").asBoolean()).isFalse();
        assertThat(last.path("detail").asString()).contains(words);
    }

    @Test
    void testWhenProviderNeverAnswersThenTimeoutAfterTheReadLimit() {
        String name = save(oidc(issuer("silent"), secret()));

        JsonNode report = api.post("/api/v1/external-accounts/" + name + "/test", null).json();

        assertThat(report.path("steps").get(0).path("detail").asString()).startsWith("timeout");
    }

    @Test
    void testWhenAccountUnknownThenNotFound() {
        assertThat(api.post("/api/v1/external-accounts/" + unique("none_") + "/test", null).status())
                .isEqualTo(404);
    }

    private String save(Map<String, Object> body) {
        String name = unique("conn_");
        assertThat(api.put("/api/v1/external-accounts/" + name, json(body)).status()).isEqualTo(201);
        return name;
    }

    private String issuer(String behaviour) {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/" + behaviour;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/", 3);
        String behaviour = parts[1];
        // IMS's own paths, which an adobe-ims account tests instead of the discovery document's
        String path = ("/" + (parts.length > 2 ? parts[2] : "")).replace("/ims/keys", "/jwks")
                .replace("/ims/authorize/v2", "/authorize").replace("/ims/token/v3", "/token");
        String base = issuer(behaviour);
        if (path.endsWith("/.well-known/openid-configuration")) {
            switch (behaviour) {
                case "status404" -> send(exchange, 404, "text/plain", "not here");
                case "html" -> send(exchange, 200, "text/html", "<html><body>Welcome</body></html>");
                case "silent" -> sleep();
                default -> send(exchange, 200, "application/json", json(discovery(base, behaviour)));
            }
        } else if (path.equals("/jwks")) {
            send(exchange, 200, "application/json", "nokeys".equals(behaviour) ? "{\"keys\":[]}"
                    : "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");
        } else if (path.equals("/authorize")) {
            send(exchange, 400, "text/html", "missing client_id");
        } else if (path.equals("/token") && "POST".equals(exchange.getRequestMethod())) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (form.contains("grant_type=authorization_code")) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                boolean wrong = authorization == null || new String(java.util.Base64.getDecoder()
                        .decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8)
                        .endsWith(":" + WRONG_LOGIN_SECRET);
                send(exchange, wrong ? 401 : 400, "application/json",
                        wrong ? "{\"error\":\"invalid_client\"}" : "{\"error\":\"invalid_grant\"}");
                return;
            }
            boolean valid = form.contains("grant_type=client_credentials")
                    && form.contains("client_id=directory-client")
                    && form.contains("client_secret=" + DIRECTORY_SECRET);
            send(exchange, valid ? 200 : 401, "application/json", valid
                    ? "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":86399}"
                    : "{\"error\":\"invalid_client\"}");
        } else if (path.equals("/token")) {
            send(exchange, 405, "text/plain", "use POST");
        } else {
            send(exchange, 404, "text/plain", "not here");
        }
    }

    private static Map<String, Object> discovery(String base, String behaviour) {
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("issuer", base);
        document.put("authorization_endpoint", base + "/authorize");
        document.put("token_endpoint", base + ("notoken".equals(behaviour) ? "/nosuchtoken" : "/token"));
        if (!"nojwks".equals(behaviour)) {
            document.put("jwks_uri", base + "/jwks");
        }
        document.put("response_types_supported", List.of("code"));
        return document;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep() {
        try {
            // Longer than the default read timeout (imsconnect.login.read-timeout, 10 s), which Test connection uses.
            Thread.sleep(12_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
