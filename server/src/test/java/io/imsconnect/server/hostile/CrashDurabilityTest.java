package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.imsconnect.server.ImsConnectApplication;
import io.imsconnect.server.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * A 2xx means durable: every security group the API answered 201 for is still there after the process is
 * killed with SIGKILL in the middle of a burst of creations, on the embedded default (H2 in a file). Only a real
 * process death shows what reached the file, so the server runs as a separate JVM on a data directory of its own,
 * and is started a second time on the same directory to read what survived.
 */
class CrashDurabilityTest {

    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void createWhenProcessKilledMidBurstThenEveryAcknowledgedGroupIsPresentAfterRestart() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (Instance first = Instance.start(dataDirectory, "first")) {
            burstThenKill(first, acknowledged);
        }

        Set<String> present = new HashSet<>();
        try (Instance second = Instance.start(dataDirectory, "second")) {
            for (JsonNode group : second.api().get("/api/v1/security-groups").json()) {
                present.add(group.path("internalName").asString());
            }
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(present).as("groups answered 201 before the kill").containsAll(acknowledged);
    }

    /** Writers create groups as fast as they can; the process is killed as soon as enough were acknowledged. */
    private static void burstThenKill(Instance instance, Set<String> acknowledged) throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(() -> {
                while (!killed.get()) {
                    String name = "crash_" + sequence.incrementAndGet();
                    try {
                        Api.Response created = instance.api().post("/api/v1/security-groups",
                                "{\"internalName\":\"" + name + "\",\"label\":\"Crash " + name + "\",\"rights\":[]}");
                        if (created.status() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (UncheckedIOException connectionLost) {
                        // Only what was answered 201 counts; a request cut by the kill was never acknowledged.
                    }
                }
            });
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        instance.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** The server as its own JVM, with the test's classpath, a free port and the given data directory. */
    private static final class Instance implements AutoCloseable {

        private final Process process;
        private final Api api;

        private Instance(Process process, int port) {
            this.process = process;
            this.api = Api.at(port);
        }

        static Instance start(Path dataDirectory, String name) throws IOException, InterruptedException {
            int port = freePort();
            Path log = Path.of("target", "crash-durability-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath(), ImsConnectApplication.class.getName(),
                    "--server.port=" + port, "--logging.level.root=WARN"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("IMSCONNECT_DATA_DIR", dataDirectory.toString());
            builder.environment().put("IMSCONNECT_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
            Instance instance = new Instance(builder.start(), port);
            instance.awaitHealthy(log);
            return instance;
        }

        Api api() {
            return api;
        }

        /** SIGKILL on Linux: no shutdown hook, no clean close of the database. */
        void kill() throws InterruptedException {
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
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
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
}
