package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.ServerProcess;
import io.imsconnect.server.testing.SignInFlow;

import tools.jackson.databind.JsonNode;

/**
 * A node killed with SIGKILL in the middle of a run, on the embedded default (H2 in a file): the server runs as a
 * JVM of its own, the sandbox's UMAPI answers slowly so the run is caught reading, and a second process on the same
 * data directory finds the dead execution (short heartbeats here), marks the run ABANDONED at the next start, and
 * that run starts clean. A complete read would suspend alice: nothing of the killed run is applied.
 */
class DirectorySyncCrashTest {

    static final String[] NODE = { "--imsconnect.security.allow-insecure-loopback=true",
            "--imsconnect.sync.schedule-check=24h", "--db-scheduler.polling-interval=500ms",
            "--db-scheduler.heartbeat-interval=1s", "--db-scheduler.missed-heartbeats-limit=4" };
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    Sandbox sandbox = Sandbox.get();

    @AfterEach
    void restore() {
        sandbox.clearFaults();
        sandbox.restoreAlice();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void runWhenItsNodeIsKilledMidReadThenAbandonedNothingAppliedAndTheNextRunStartsClean() throws Exception {
        String account;
        String alice;
        long killed;
        try (ServerProcess first = ServerProcess.start(data, "sync-crash-first", NODE)) {
            Syncs syncs = new Syncs(first.api(), first.port());
            account = syncs.account();
            new SignInFlow(first.port()).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
            alice = operatorOf(first.api(), account);
            sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of("Analytics - acme - reports"));
            sandbox.faults("{\"umapiDelayMillis\":4000}");
            killed = syncs.start(account, false);
            JsonNode reading = syncs.await(killed, TIMEOUT, run -> run.path("pages").asInt() >= 1);
            assertThat(reading.path("state").asString()).isEqualTo("RUNNING");
            first.kill();
        }
        sandbox.clearFaults();

        try (ServerProcess second = ServerProcess.start(data, "sync-crash-second", NODE)) {
            Syncs syncs = new Syncs(second.api(), second.port());
            JsonNode untouched = syncs.operator(alice);
            assertThat(untouched.path("suspended").asBoolean()).isFalse();
            assertThat(Syncs.maskGroups(untouched)).containsExactly("admin", "delivery");

            long next = startOnceTheDeadExecutionIsFound(second.api(), account);
            JsonNode abandoned = syncs.run(killed);
            JsonNode clean = syncs.awaitEnd(next, TIMEOUT);

            assertThat(abandoned.path("state").asString()).isEqualTo("ABANDONED");
            assertThat(abandoned.path("appliedChanges").asInt()).isZero();
            assertThat(clean.path("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(clean.path("pages").asInt()).isEqualTo(2);
            assertThat(clean.path("usersRead").asInt()).isEqualTo(4);
            assertThat(syncs.operator(alice).path("suspended").asBoolean()).isTrue();
        }
    }

    /** Until db-scheduler finds the killed node's execution dead and cancels it, a start answers 409. */
    private static long startOnceTheDeadExecutionIsFound(Api api, String account) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            Api.Response started = api.post("/api/v1/external-accounts/" + account + "/directory-sync",
                    "{\"dryRun\":false}");
            if (started.status() == 202) {
                return started.json().path("id").asLong();
            }
            assertThat(started.status()).as(started.body()).isEqualTo(409);
            assertThat(Instant.now()).as("the dead execution was never found").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    static String operatorOf(Api api, String account) {
        for (JsonNode operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())) {
                return operator.path("name").asString();
            }
        }
        throw new AssertionError("no operator of " + account);
    }
}
