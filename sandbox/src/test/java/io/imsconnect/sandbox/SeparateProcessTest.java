package io.imsconnect.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract the server's tests and the demo rely on: the sandbox as its own JVM, told {@code --server.port=0} and a
 * port file, writes the bound port there and logs where it is ready. (Started from the test class path, since the exec
 * jar is only packaged after the tests.)
 */
class SeparateProcessTest {

    @TempDir
    Path dir;

    @Test
    void launchedWithPortFileThenWritesBoundPortAndLogsReadyLine() throws Exception {
        Path portFile = dir.resolve("port");
        Path log = dir.resolve("sandbox.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SandboxApplication.class.getName(), "--server.port=0",
                "--sandbox.port-file=" + portFile).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String port = awaitPort(portFile, process);

            HttpResponse<String> discovery = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ims/.well-known/openid-configuration"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(port).matches("\\d+");
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(Files.readString(log)).contains("Sandbox IMS ready at http://localhost:" + port + "/ims");
        }
        finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static String awaitPort(Path portFile, Process process) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(portFile)) {
            assertThat(process.isAlive()).as("sandbox process still running").isTrue();
            assertThat(Instant.now()).as("sandbox ready within 90 s").isBefore(deadline);
            Thread.sleep(100);
        }
        return Files.readString(portFile);
    }
}
