package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.provisioning.Provisioning;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/** Directory sync against the sandbox's Admin Console API over real HTTP (acme: 4 users, 2 pages of 2), on the real schema. */
@SignInTest
class DirectorySyncTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Provisioning provisioning;

    @Autowired
    AccountService accountService;

    @Autowired
    DirectorySync directorySync;

    @Autowired
    SyncRunRepository runs;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Syncs syncs;
    Sandbox sandbox = Sandbox.get();

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        syncs = new Syncs(api, port);
    }

    @AfterEach
    void restore() {
        sandbox.clearFaults();
        sandbox.restoreAlice();
    }

    @Test
    void runWhenProfilesNoLongerMapThenSuspendedLiveSessionEndedAndRestoredOnReturn() {
        String account = syncs.account();
        SignInFlow flow = new SignInFlow(port);
        flow.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        assertThat(flow.get("/api/v1/me").response().statusCode()).isEqualTo(200);
        String alice = onlyOperatorOf(account);
        JsonNode inStep = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);
        assertThat(inStep.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(inStep.path("plannedChanges").asInt()).isZero();
        assertThat(inStep.path("pages").asInt()).isEqualTo(2);
        // The run's time reading the directory (2 pages over HTTP) and in the database, apart.
        assertThat(inStep.path("directoryMillis").asLong()).isPositive();
        assertThat(inStep.path("databaseMillis").asLong()).isPositive();

        sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of("Analytics - acme - reports"));
        long suspending = syncs.start(account, false);
        JsonNode suspended = syncs.awaitEnd(suspending, TIMEOUT);

        assertThat(suspended.path("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode operator = syncs.operator(alice);
        assertThat(operator.path("suspended").asBoolean()).isTrue();
        assertThat(operator.path("disabled").asBoolean()).isFalse();
        assertThat(operator.path("suspendedReason").asString()).contains("Login does not have any right");
        assertThat(Syncs.maskGroups(operator)).isEmpty();
        assertThat(flow.get("/api/v1/me").response().statusCode()).isEqualTo(401);
        JsonNode change = syncs.changes(suspending).get(0);
        assertThat(change.path("kind").asString()).isEqualTo("SUSPEND");
        assertThat(change.path("removed").toString()).isEqualTo("[\"admin\",\"delivery\"]");
        assertThat(change.path("applied").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/directory-sync/runs?operator=" + alice).json().toString())
                .contains("\"id\":" + suspending);

        sandbox.restoreAlice();
        long restoring = syncs.start(account, false);
        assertThat(syncs.awaitEnd(restoring, TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode restored = syncs.operator(alice);
        assertThat(restored.path("suspended").asBoolean()).isFalse();
        assertThat(Syncs.maskGroups(restored)).containsExactly("admin", "delivery");
        assertThat(syncs.changes(restoring).get(0).path("kind").asString()).isEqualTo("RESTORE");
        assertThat(api.get("/api/v1/audit-events?action=operator.suspended").json().toString()).contains(alice);
        // One audit event per applied change, named by what happened to the operator, with the run's id.
        List<String> fromSuspending = new java.util.ArrayList<>();
        for (JsonNode event : api.get("/api/v1/audit-events?target=" + alice).json()) {
            if (event.path("after").path("directorySyncRun").asLong() == suspending) {
                fromSuspending.add(event.path("action").asString());
            }
        }
        assertThat(fromSuspending).containsExactly("operator.suspended");
    }

    @ParameterizedTest
    @ValueSource(strings = { "disabled", "locked", "removed" })
    void runWhenDirectoryStatusNotActiveThenSuspendedAndSignInRefusedUntilARunFindsTheUserActive(String status) {
        String account = syncs.account();
        SignInFlow flow = new SignInFlow(port);
        flow.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        assertThat(flow.get("/api/v1/me").response().statusCode()).isEqualTo(200);
        String alice = onlyOperatorOf(account);

        sandbox.setStatus(Sandbox.ALICE, Sandbox.ACME, status);
        long suspending = syncs.start(account, false);

        assertThat(syncs.awaitEnd(suspending, TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode operator = syncs.operator(alice);
        assertThat(operator.path("suspended").asBoolean()).isTrue();
        assertThat(operator.path("suspendedReason").asString()).contains("'" + status + "'");
        assertThat(Syncs.maskGroups(operator)).isEmpty();
        assertThat(flow.get("/api/v1/me").response().statusCode()).isEqualTo(401);
        JsonNode change = syncs.changes(suspending).get(0);
        assertThat(change.path("kind").asString()).isEqualTo("SUSPEND");
        assertThat(change.path("suspension").asString()).isEqualTo("NOT_ACTIVE");

        new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        JsonNode refused = api.get("/api/v1/login-decisions?account=" + account + "&limit=1").json().get(0);
        assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED_OPERATOR_SUSPENDED");
        assertThat(syncs.operator(alice).path("suspended").asBoolean()).isTrue();

        sandbox.setStatus(Sandbox.ALICE, Sandbox.ACME, "active");
        long restoring = syncs.start(account, false);

        assertThat(syncs.awaitEnd(restoring, TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(syncs.changes(restoring).get(0).path("kind").asString()).isEqualTo("RESTORE");
        JsonNode restored = syncs.operator(alice);
        assertThat(restored.path("suspended").asBoolean()).isFalse();
        assertThat(Syncs.maskGroups(restored)).containsExactly("admin", "delivery");
        SignInFlow back = new SignInFlow(port);
        back.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        assertThat(back.get("/api/v1/me").response().statusCode()).isEqualTo(200);
    }

    @Test
    void startDueWhenTheLastRunStartedLongerAgoThanTheAccountsOwnIntervalThenStartsOneForThatAccountOnly() {
        String every15 = syncs.account("\"syncIntervalMinutes\":15");
        String every120 = syncs.account();
        long first15 = syncs.start(every15, false);
        long first120 = syncs.start(every120, false);
        syncs.awaitEnd(first15, TIMEOUT);
        syncs.awaitEnd(first120, TIMEOUT);
        jdbc.update("update directory_sync_run set started_at = ? where id in (?, ?)",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(20))), first15, first120);

        directorySync.startDue();

        List<SyncRun> of15 = directorySync.list(every15, null, null, 10);
        assertThat(of15).hasSize(2);
        assertThat(of15.get(0).startedBy()).isEqualTo(DirectorySync.SCHEDULE);
        assertThat(syncs.awaitEnd(of15.get(0).id(), TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(directorySync.list(every120, null, null, 10)).hasSize(1);
    }

    @Test
    void runWhenOperatorNoLongerInTheOrganizationThenSuspendedWithMaskGroupsRemoved() {
        String account = syncs.account();
        String ghost = Syncs.ghost(provisioning, accountService.require(account), "GHOST1@AdobeID");

        JsonNode run = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("usersRead").asInt()).isEqualTo(4);
        JsonNode operator = syncs.operator(ghost);
        assertThat(operator.path("suspended").asBoolean()).isTrue();
        assertThat(operator.path("suspendedReason").asString()).contains("No longer a member");
        assertThat(Syncs.maskGroups(operator)).isEmpty();
    }

    @Test
    void dryRunWhenChangesPlannedThenStoredAndNothingApplied() {
        String account = syncs.account();
        String ghost = Syncs.ghost(provisioning, accountService.require(account), "GHOST2@AdobeID");

        long id = syncs.start(account, true);
        JsonNode run = syncs.awaitEnd(id, TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("DRY_RUN");
        assertThat(run.path("plannedChanges").asInt()).isEqualTo(1);
        assertThat(syncs.changes(id).get(0).path("applied").asBoolean()).isFalse();
        JsonNode operator = syncs.operator(ghost);
        assertThat(operator.path("suspended").asBoolean()).isFalse();
        assertThat(Syncs.maskGroups(operator)).containsExactly("delivery");
    }

    @Test
    void runWhenMoreThanTheCapWouldLoseAccessThenHeldAndApplyAppliesThePlan() {
        String account = syncs.account();
        List<String> ghosts = ghosts(account, 11);

        long id = syncs.start(account, false);
        JsonNode held = syncs.awaitEnd(id, TIMEOUT);

        assertThat(held.path("state").asString()).isEqualTo("HELD");
        assertThat(held.path("takingAccess").asInt()).isEqualTo(11);
        assertThat(held.path("capLimit").asInt()).isEqualTo(10);
        assertThat(syncs.operator(ghosts.get(0)).path("suspended").asBoolean()).isFalse();

        assertThat(api.post("/api/v1/directory-sync/runs/" + id + "/apply", null).status()).isEqualTo(200);
        JsonNode applied = syncs.awaitEnd(id, TIMEOUT);

        assertThat(applied.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(applied.path("appliedChanges").asInt()).isEqualTo(11);
        assertThat(ghosts).allSatisfy(g -> assertThat(syncs.operator(g).path("suspended").asBoolean()).isTrue());
        assertThat(api.get("/api/v1/audit-events?action=directorySync.run.applied").json().toString())
                .contains("\"target\":\"" + id + "\"");
    }

    @Test
    void runWhenTheAccountsOwnCapIsZeroThenOneOperatorLosingAccessIsHeld() {
        String account = syncs.account("\"syncCapOperators\":0,\"syncCapPercent\":0");
        String ghost = ghosts(account, 1).get(0);

        JsonNode held = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);

        assertThat(held.path("state").asString()).isEqualTo("HELD");
        assertThat(held.path("capLimit").asInt()).isZero();
        assertThat(syncs.operator(ghost).path("suspended").asBoolean()).isFalse();
    }

    @Test
    void discardWhenHeldThenNothingAppliedAndTheRunCannotBeAppliedAfter() {
        String account = syncs.account();
        List<String> ghosts = ghosts(account, 11);
        long id = syncs.start(account, false);
        syncs.awaitEnd(id, TIMEOUT);

        Api.Response discarded = api.post("/api/v1/directory-sync/runs/" + id + "/discard", null);
        Api.Response applyAfter = api.post("/api/v1/directory-sync/runs/" + id + "/apply", null);

        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json().path("state").asString()).isEqualTo("DISCARDED");
        assertThat(applyAfter.status()).isEqualTo(409);
        assertThat(applyAfter.contentType()).startsWith("application/problem+json");
        assertThat(applyAfter.errorCodes("state")).containsExactly("notHeld");
        assertThat(ghosts).allSatisfy(g -> assertThat(syncs.operator(g).path("suspended").asBoolean()).isFalse());
    }

    @Test
    void runWhenThrottledThenRetryAfterHonouredAndTheRunCarriesOn() {
        String account = syncs.account();
        sandbox.faults("{\"umapiStatus\":429,\"umapiRetryAfterSeconds\":1}");

        long id = syncs.start(account, false);
        syncs.await(id, TIMEOUT, run -> run.path("retries").asInt() >= 1);
        sandbox.clearFaults();
        JsonNode run = syncs.awaitEnd(id, TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("waitedMillis").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(run.path("usersRead").asInt()).isEqualTo(4);
    }

    @Test
    void runWhenThrottledAfterTheFirstPageThenThePageStagedBeforeTheWaitIsPlannedWithTheRest() {
        String account = syncs.account();
        new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        String alice = onlyOperatorOf(account);
        String ghost = Syncs.ghost(provisioning, accountService.require(account), "AFTERWAIT@AdobeID");
        sandbox.faults("{\"umapiStatus\":429,\"umapiRetryAfterSeconds\":1,\"umapiFromPage\":1}");

        long id = syncs.start(account, false);
        JsonNode waiting = syncs.await(id, TIMEOUT, run -> run.path("retries").asInt() >= 1);
        Integer staged = jdbc.queryForObject("select count(*) from directory_sync_page where run_id = ?",
                Integer.class, id);
        sandbox.clearFaults();
        JsonNode run = syncs.awaitEnd(id, TIMEOUT);

        // Alice is on page 0, read before the wait: the next step plans from the staged page, so she is matched.
        assertThat(waiting.path("pages").asInt()).isEqualTo(1);
        assertThat(staged).isEqualTo(1);
        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("pages").asInt()).isEqualTo(2);
        assertThat(run.path("usersRead").asInt()).isEqualTo(4);
        assertThat(run.path("plannedChanges").asInt()).isEqualTo(1);
        assertThat(syncs.operator(alice).path("suspended").asBoolean()).isFalse();
        assertThat(syncs.operator(ghost).path("suspended").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from directory_sync_page where run_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void runWhenReadingAheadThenEachPageAskedForOnceNeverPastTheLastAndNeverTwoAtOnce() {
        String account = syncs.account();
        // Slow pages, so that a second request sent before the first one's answer would overlap it.
        sandbox.faults("{\"umapiDelayMillis\":300}");
        sandbox.resetUmapiCalls();

        JsonNode run = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("pages").asInt()).isEqualTo(2);
        assertThat(sandbox.umapiCalls(Sandbox.ACME)).containsExactly(2, 1);
    }

    @Test
    void startWhenAccountHasNoDirectoryThenConflictAndUnknownAccountNotFound() {
        String account = new io.imsconnect.server.testing.Accounts(api, port).adobeIms(
                io.imsconnect.server.testing.Accounts.ACME_MASK, null);

        Api.Response noDirectory = api.post("/api/v1/external-accounts/" + account + "/directory-sync", "{}");
        Api.Response unknown = api.post("/api/v1/external-accounts/nope/directory-sync", "{}");

        assertThat(noDirectory.status()).isEqualTo(409);
        assertThat(noDirectory.errorCodes("account")).containsExactly("noDirectory");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void startDueWhenNeverRunThenStartsOnceUntilTheIntervalPasses() {
        String account = syncs.account();

        directorySync.startDue();
        directorySync.startDue();

        JsonNode runs = api.get("/api/v1/directory-sync/runs?account=" + account).json();
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).path("startedBy").asString()).isEqualTo("schedule");
        syncs.awaitEnd(runs.get(0).path("id").asLong(), TIMEOUT);
    }

    @Test
    void signInWhenSuspendedUserIsBackThenAllowedAndTheSuspensionLifted() {
        String account = syncs.account();
        new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        String alice = onlyOperatorOf(account);
        sandbox.setProfiles(Sandbox.ALICE, Sandbox.ACME, List.of());
        syncs.awaitEnd(syncs.start(account, false), TIMEOUT);
        assertThat(syncs.operator(alice).path("suspended").asBoolean()).isTrue();

        sandbox.restoreAlice();
        SignInFlow.Step home = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(home.uri().getPath()).isEqualTo("/");
        JsonNode back = syncs.operator(alice);
        assertThat(back.path("suspended").asBoolean()).isFalse();
        assertThat(Syncs.maskGroups(back)).containsExactly("admin", "delivery");
        assertThat(api.get("/api/v1/audit-events?action=operator.restored").json().toString()).contains(alice);
    }

    @Test
    void startWhenARunsNodeDiedThenThatRunAbandonedAndTheNewOneRuns() {
        String account = syncs.account();
        long stale = runs.create(account, false, "a node that died", Instant.now());

        long next = syncs.start(account, false);

        assertThat(syncs.run(stale).path("state").asString()).isEqualTo("ABANDONED");
        assertThat(syncs.awaitEnd(next, TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
    }

    private List<String> ghosts(String account, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(Syncs.ghost(provisioning, accountService.require(account), "CAP" + i + account + "@AdobeID"));
        }
        return names;
    }

    private String onlyOperatorOf(String account) {
        for (JsonNode operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())) {
                return operator.path("name").asString();
            }
        }
        throw new AssertionError("no operator of " + account);
    }
}
