package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IMS sandbox, run as a separate JVM from its exec jar (as the demo runs it) and shared by the whole test
 * JVM; the server talks to it over real HTTP. Tests that switch a fault on must switch it off again
 * ({@link #clearFaults()}).
 */
public final class Sandbox {

    public static final String ACME = "A495E53C0123456789ABCDEF@AdobeOrg";
    public static final String GLOBEX = "6B0F4B9A5E8C2D1A3F7E9C04@AdobeOrg";
    public static final String CLIENT_ID = "imsconnect-demo";
    public static final String CLIENT_SECRET = "demo-secret";
    public static final String DIRECTORY_CLIENT_ID = "imsconnect-directory";
    public static final String DIRECTORY_CLIENT_SECRET = "directory-secret";
    public static final String PASSWORD = "password";
    public static final String ALICE = "1A2B3C4D5E6F7A8B9C0D1E2F@AdobeID";
    public static final String BOB = "2B3C4D5E6F7A8B9C0D1E2F3A@AdobeID";
    public static final String ERIN = "5E6F7A8B9C0D1E2F3A4B5C6D@AdobeID";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Sandbox INSTANCE = start();

    private final int port;

    private Sandbox(int port) {
        this.port = port;
    }

    public static Sandbox get() {
        return INSTANCE;
    }

    /** The IMS server URL as accounts name it (IMS endpoints live under {@code /ims}). */
    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/ims";
    }

    public void faults(String json) {
        admin("PUT", "/sandbox/faults", json, 200);
    }

    public void clearFaults() {
        admin("DELETE", "/sandbox/faults", null, 204);
    }

    public void rotateKeys() {
        admin("POST", "/sandbox/keys/rotate", null, 200);
    }

    public void setProfiles(String userId, String orgId, List<String> profiles) {
        String body = profiles.stream().map(p -> "\"" + p + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
        admin("PUT", "/sandbox/users/" + userId + "/orgs/" + orgId + "/profiles", body, 200);
    }

    /** The user's status in the organization as UMAPI lists it: active, disabled, locked or removed. */
    public void setStatus(String userId, String orgId, String status) {
        admin("PUT", "/sandbox/users/" + userId + "/orgs/" + orgId + "/status", "\"" + status + "\"", 200);
    }

    /** Alice's profiles in acme as {@code sandbox-demo.yml} has them: what a test that changed them restores. */
    public void restoreAlice() {
        setProfiles(ALICE, ACME, List.of("Campaign - acme - admin", "Campaign - acme - delivery"));
        setStatus(ALICE, ACME, "active");
    }

    /** Renames a user: the name claims of the next tokens carry {@code firstName lastName}, whatever the text. */
    public void rename(String userId, String firstName, String lastName) {
        admin("PUT", "/sandbox/users/" + userId + "/name", "{\"firstName\":" + quoted(firstName) + ",\"lastName\":"
                + quoted(lastName) + "}", 200);
    }

    /** Alice's name as {@code sandbox-demo.yml} has it: what a test that renamed her restores. */
    public void restoreAliceName() {
        rename(ALICE, "Alice", "Archer");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** UMAPI's users' pages of the org asked for since {@link #resetUmapiCalls}: [calls, the most at one time]. */
    public int[] umapiCalls(String orgId) {
        JsonNode body = JSON.readTree(admin("GET", "/sandbox/umapi-calls/" + orgId, null, 200));
        return new int[] {body.required("usersPages").asInt(), body.required("mostAtOnce").asInt()};
    }

    public void resetUmapiCalls() {
        admin("DELETE", "/sandbox/umapi-calls", null, 204);
    }

    private String admin(String method, String path, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Sandbox start() {
        Path jar = Path.of(System.getProperty("imsconnect.sandbox.jar", "../sandbox/target/missing.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The sandbox jar " + jar + " is missing: run the tests from the project "
                    + "root (mvn verify), which builds the sandbox first");
        }
        try {
            Path work = Files.createTempDirectory("imsconnect-sandbox");
            Path portFile = work.resolve("port");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar.toString(), "--server.port=0", "--sandbox.port-file=" + portFile,
                    "--sandbox.umapi.requests-per-minute=0", "--sandbox.umapi.page-size=2")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "sandbox.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plusSeconds(90);
            while (!Files.exists(portFile)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroy();
                    throw new IllegalStateException("The sandbox did not start; see target/sandbox.log");
                }
                Thread.sleep(100);
            }
            return new Sandbox(Integer.parseInt(Files.readString(portFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
