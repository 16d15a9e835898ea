package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import tools.jackson.databind.JsonNode;

/**
 * Two nodes, two server processes on one real PostgreSQL (embedded), as a cluster runs: asked at the same moment to
 * sync one account, one node starts the run and the other answers 409; while it runs neither starts another; once
 * it ended, either may. db-scheduler's row in {@code scheduled_tasks} is the lock. The nodes share a data directory
 * only for the secret key, as a cluster shares {@code IMSCONNECT_SECRET_KEY}.
 */
class DirectorySyncClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    Sandbox sandbox = Sandbox.get();

    @AfterEach
    void restore() {
        sandbox.clearFaults();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void startWhenTwoNodesAskAtOnceThenOneRunsAndTheOtherAnswers409UntilItEnded() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database cluster");
            }
            List<String> node = new ArrayList<>(List.of(DirectorySyncCrashTest.NODE));
            node.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "cluster"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password="));
            String[] arguments = node.toArray(String[]::new);
            try (ServerProcess a = ServerProcess.start(data, "sync-node-a", arguments);
                    ServerProcess b = ServerProcess.start(data, "sync-node-b", arguments)) {
                Syncs syncs = new Syncs(a.api(), a.port());
                String account = syncs.account();
                sandbox.faults("{\"umapiDelayMillis\":1500}");

                List<Api.Response> answers = atOnce(start(a.api(), account), start(b.api(), account));

                assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(202, 409);
                Api.Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(refused.errorCodes("account")).containsExactly("running");
                long id = answers.stream().filter(r -> r.status() == 202).findFirst().orElseThrow().json()
                        .path("id").asLong();
                assertThat(start(b.api(), account).call().status()).isEqualTo(409);
                assertThat(start(a.api(), account).call().status()).isEqualTo(409);
                assertThat(syncs.awaitEnd(id, TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
                JsonNode runs = a.api().get("/api/v1/directory-sync/runs?account=" + account).json();
                assertThat(runs).hasSize(1);

                sandbox.clearFaults();
                Api.Response again = start(b.api(), account).call();
                assertThat(again.status()).isEqualTo(202);
                assertThat(new Syncs(b.api(), b.port()).awaitEnd(again.json().path("id").asLong(), TIMEOUT)
                        .path("state").asString()).isEqualTo("SUCCEEDED");
            }
        }
    }

    private static Callable<Api.Response> start(Api api, String account) {
        return () -> api.post("/api/v1/external-accounts/" + account + "/directory-sync", "{\"dryRun\":false}");
    }

    /** The requests leave together (a barrier), each on a thread of its own. */
    @SafeVarargs
    private static List<Api.Response> atOnce(Callable<Api.Response>... requests) {
        CyclicBarrier barrier = new CyclicBarrier(requests.length);
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            List<CompletableFuture<Api.Response>> futures = new ArrayList<>();
            for (Callable<Api.Response> request : requests) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await(30, TimeUnit.SECONDS);
                        return request.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }
}
