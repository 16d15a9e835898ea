package io.imsconnect.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.imsconnect.sandbox.ImsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A second sandbox, started with every kind of setting: its own data file, generator, throttle, faults, issuer. */
class ConfiguredSandboxTest {

    private static final String ORG = "0123456789ABCDEF01234567@AdobeOrg";

    private static final String BENCH_ORG = "B3C4D5E6F7A8B9C0D1E2F3A4@AdobeOrg";

    private static final String ISSUER = "https://ims-na1.adobelogin.com";

    private static final String DATA = """
            organizations:
              - id: 0123456789ABCDEF01234567@AdobeOrg
                name: Initech
                profiles: [ "Campaign - initech - admin" ]
            users:
              - id: 0000000000000000000000AA@AdobeID
                email: peter@initech.example
                password: secret
                orgs:
                  0123456789ABCDEF01234567@AdobeOrg:
                    profiles: [ "Campaign - initech - admin" ]
            clients:
              - clientId: throttled
                secret: s1
                type: directory
                scopes: [ openid, AdobeID, user_management_sdk ]
              - clientId: reader
                secret: s2
                type: directory
                scopes: [ openid, AdobeID, user_management_sdk ]
            """;

    @TempDir
    static Path dir;

    private static SandboxServer sandbox;

    private static ImsClient client;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.writeString(dir.resolve("data.yml"), DATA);
        sandbox = SandboxServer.start(Map.of("sandbox.data", data.toString(), "sandbox.port-file",
                dir.resolve("run/port").toString(), "sandbox.umapi.requests-per-minute", 3, "sandbox.generate.users", 10,
                "sandbox.generate.profiles", 3, "sandbox.faults.wrong-audience", true, "sandbox.issuer", ISSUER));
        client = new ImsClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void portFileHoldsTheBoundPort() throws IOException {
        assertThat(Files.readString(dir.resolve("run/port"))).isEqualTo(String.valueOf(sandbox.port()));
    }

    @Test
    void umapiWhenClientOverRequestsPerMinuteThen429WithRetryAfter() {
        String token = token("throttled", "s1");
        for (int i = 0; i < 3; i++) {
            assertThat(umapi(token, "throttled", "/v2/usermanagement/users/" + ORG + "/0").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> over = umapi(token, "throttled", "/v2/usermanagement/users/" + ORG + "/0");

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 61);
    }

    @Test
    void generatedOrganizationIsServedBesideTheFileData() {
        HttpResponse<String> response = umapi(token("reader", "s2"), "reader", "/v2/usermanagement/users/" + BENCH_ORG + "/0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("10");
        assertThat(sandbox.directory().userByEmail("peter@initech.example")).isPresent();
    }

    @Test
    void faultsFromPropertiesAreOnAtStart() {
        assertThat(json(client.get("/sandbox/faults").body())).containsEntry("wrongAudience", true)
                .containsEntry("down", false);
    }

    @Test
    void issuerPropertyOverridesDiscoveryIssuer() {
        Map<String, Object> config = json(client.get("/ims/.well-known/openid-configuration").body());

        assertThat(config).containsEntry("issuer", ISSUER)
                .containsEntry("token_endpoint", sandbox.issuer() + "/token/v3");
    }

    @Test
    void tokenWhenClientSecretWrongThenInvalidClient() {
        HttpResponse<String> response = client.postForm("/ims/token/v3",
                Map.of("grant_type", "client_credentials", "scope", "openid,AdobeID,user_management_sdk"),
                "Authorization", ImsClient.basic("reader", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).containsEntry("error", "invalid_client");
    }

    private static String token(String clientId, String secret) {
        HttpResponse<String> response = client.postForm("/ims/token/v3",
                Map.of("grant_type", "client_credentials", "scope", "openid AdobeID user_management_sdk"),
                "Authorization", ImsClient.basic(clientId, secret));
        assertThat(response.statusCode()).isEqualTo(200);
        return (String) json(response.body()).get("access_token");
    }

    private static HttpResponse<String> umapi(String token, String apiKey, String path) {
        return client.get(path, "Authorization", "Bearer " + token, "x-api-key", apiKey);
    }
}
