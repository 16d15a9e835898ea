package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.provisioning.Provisioning;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/**
 * A directory that keeps failing: the run waits, within a bound (3 s here), then fails, and never applies a plan
 * from a partial read. An operator the directory does not list shows it: a complete read would suspend it. An
 * account with pre-creation on creates operators ahead of their first sign-in, which a complete read shows.
 */
@SignInTest
@TestPropertySource(properties = "imsconnect.sync.max-wait=3s")
class DirectorySyncFaultsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Provisioning provisioning;

    @Autowired
    AccountService accountService;

    Syncs syncs;
    Sandbox sandbox = Sandbox.get();

    @BeforeEach
    void setUp() {
        syncs = new Syncs(Api.at(port), port);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void runWhenPreCreationOnThenUsersWhoseProfilesMapGetOperatorsAndOthersNone() {
        String account = syncs.account("\"syncPreCreate\":true");
        Api api = Api.at(port);

        long id = syncs.start(account, false);
        JsonNode run = syncs.awaitEnd(id, TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(syncs.changes(id).toString()).contains("\"kind\":\"CREATE\"").contains("alice@acme.example")
                .contains("bob@acme.example").doesNotContain("carol@").doesNotContain("erin@");
        // Each created operator holds its own user's groups: the ids come from the insert's generated keys, in the
        // order of the rows (docs/decisions/0024-directory-sync-first-run.md).
        List<Set<String>> bobs = new ArrayList<>();
        for (JsonNode operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())
                    && "bob@acme.example".equals(operator.path("email").asString())) {
                bobs.add(Syncs.maskGroups(operator));
            }
        }
        assertThat(bobs).singleElement().satisfies(groups -> assertThat(groups).contains("delivery")
                .doesNotContain("admin"));
        for (JsonNode operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())
                    && "alice@acme.example".equals(operator.path("email").asString())) {
                assertThat(Syncs.maskGroups(operator)).containsExactly("admin", "delivery");
                // One audit event for the change that created her, naming the run and the groups added.
                JsonNode events = api.get("/api/v1/audit-events?target=" + operator.path("name").asString()).json();
                assertThat(events).hasSize(1);
                assertThat(events.get(0).path("action").asString()).isEqualTo("operator.created");
                assertThat(events.get(0).path("after").path("directorySyncRun").asLong()).isEqualTo(id);
                assertThat(events.get(0).path("after").path("maskGroupsAdded").toString())
                        .contains("\"admin\"").contains("\"delivery\"");
                return;
            }
        }
        throw new AssertionError("alice was not created ahead of her first sign-in");
    }

    @Test
    void runWhenServerErrorsStormThenBackOffUntilTheBoundAndFailedWithNothingApplied() {
        String account = syncs.account();
        String ghost = Syncs.ghost(provisioning, accountService.require(account), "STORM@AdobeID");
        sandbox.faults("{\"umapiStatus\":503}");

        JsonNode run = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(run.path("reason").asString()).contains("Gave up").contains("HTTP 503").contains("nothing applied");
        assertThat(run.path("retries").asInt()).isGreaterThan(1);
        assertThat(run.path("waitedMillis").asLong()).isLessThanOrEqualTo(3000);
        assertThat(syncs.operator(ghost).path("suspended").asBoolean()).isFalse();
    }

    @Test
    void runWhenThrottledPastTheBoundThenFailedWithTheReason() {
        String account = syncs.account();
        sandbox.faults("{\"umapiStatus\":429,\"umapiRetryAfterSeconds\":2}");

        JsonNode run = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(run.path("reason").asString()).contains("HTTP 429");
        assertThat(run.path("waitedMillis").asLong()).isBetween(2000L, 3000L);
    }

    @Test
    void runWhenDirectoryGoesDownMidReadThenFailedAfterThePagesReadAndNothingApplied() {
        String account = syncs.account();
        String ghost = Syncs.ghost(provisioning, accountService.require(account), "MIDREAD@AdobeID");
        sandbox.faults("{\"umapiStatus\":503,\"umapiFromPage\":1}");

        JsonNode run = syncs.awaitEnd(syncs.start(account, false), TIMEOUT);

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(run.path("pages").asInt()).isEqualTo(1);
        assertThat(run.path("plannedChanges").asInt()).isZero();
        assertThat(syncs.operator(ghost).path("suspended").asBoolean()).isFalse();
        assertThat(Syncs.maskGroups(syncs.operator(ghost))).containsExactly("delivery");
    }
}
