package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.imsconnect.server.ImsConnectApplication;

/**
 * The server as a JVM of its own, with the test's classpath, a free port, the test administrator's password and
 * the given data directory, plus any {@code --property=value} arguments: what a real process death (SIGKILL) or a
 * second node needs, which one test JVM cannot show.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Api api;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.api = Api.at(port);
    }

    /** Starts the server and waits until it answers its health check. */
    public static ServerProcess start(Path dataDirectory, String name, String... arguments)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(), ImsConnectApplication.class.getName(),
                "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("IMSCONNECT_DATA_DIR", dataDirectory.toString());
        builder.environment().put("IMSCONNECT_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitHealthy(log);
        return server;
    }

    public Api api() {
        return api;
    }

    public int port() {
        return port;
    }

    /** SIGKILL on Linux: no shutdown hook, no clean close of the database, no db-scheduler goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                if (api.anonymous().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // Not listening yet: try again shortly.
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("The server did not start in time; see " + log.toAbsolutePath());
    }

    /** Surefire runs tests from a manifest-only jar; it names the real test classpath in this property. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
