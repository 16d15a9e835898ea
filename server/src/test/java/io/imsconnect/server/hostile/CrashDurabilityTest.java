package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
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

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ServerProcess;

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
        try (ServerProcess first = ServerProcess.start(dataDirectory, "crash-durability-first")) {
            burstThenKill(first, acknowledged);
        }

        Set<String> present = new HashSet<>();
        try (ServerProcess second = ServerProcess.start(dataDirectory, "crash-durability-second")) {
            for (JsonNode group : second.api().get("/api/v1/security-groups").json()) {
                present.add(group.path("internalName").asString());
            }
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(present).as("groups answered 201 before the kill").containsAll(acknowledged);
    }

    /** Writers create groups as fast as they can; the process is killed as soon as enough were acknowledged. */
    private static void burstThenKill(ServerProcess instance, Set<String> acknowledged) throws InterruptedException {
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
}
