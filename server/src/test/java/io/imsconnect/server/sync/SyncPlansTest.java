package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.imsconnect.core.access.Suspension;
import io.imsconnect.core.sync.PlannedChange;
import io.imsconnect.core.sync.PlannedChange.Kind;
import io.imsconnect.server.testing.SignInTest;

/**
 * A run's plan stored a block of changes a row (docs/decisions/0024-directory-sync-first-run.md), read back on the
 * real schema: pages across blocks, the filter by operator, the chunks to apply, the applied watermark, and runs
 * planned before the blocks, whose rows stay in directory_sync_change.
 */
@SignInTest
class SyncPlansTest {

    @Autowired
    SyncRunRepository runs;

    @Autowired
    SyncPlans plans;

    @Autowired
    DirectorySync directorySync;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storeWhenPlanSpansBlocksThenPagesFiltersAndChunksReadBackAsPlanned() {
        long run = ended(runs.create("plans-" + System.nanoTime(), true, "test", Instant.now()));
        List<PlannedChange> plan = new ArrayList<>();
        for (int i = 0; i < 2 * SyncPlans.BLOCK + 7; i++) {
            plan.add(i % 3 == 0
                    ? new PlannedChange(Kind.CREATE, null, "S" + i + "@AdobeID", "u" + i + "@example.com",
                            Set.of("delivery", "admin"), Set.of(), null, "Created \"ahead\"\n" + i)
                    : new PlannedChange(Kind.SUSPEND, "op-" + i, null, null, Set.of(), Set.of("delivery"),
                            Suspension.LEFT_ORGANIZATION, "Left " + i));
        }
        tx.executeWithoutResult(status -> plans.store(run, plan));
        jdbc.update("update directory_sync_run set applied_through = ? where id = ?", SyncPlans.BLOCK, run);

        List<SyncChange> page = directorySync.changes(run, null, SyncPlans.BLOCK - 2, 5);
        assertThat(page).extracting(SyncChange::seq).containsExactly(SyncPlans.BLOCK - 2, SyncPlans.BLOCK - 1,
                SyncPlans.BLOCK, SyncPlans.BLOCK + 1, SyncPlans.BLOCK + 2);
        assertThat(page).extracting(SyncChange::applied).containsExactly(true, true, true, false, false);
        for (SyncChange change : page) {
            assertThat(SyncPlans.planned(change)).isEqualTo(plan.get(change.seq()));
        }
        assertThat(directorySync.changes(run, null, plan.size() - 2, 50)).hasSize(2);
        assertThat(directorySync.changes(run, null, plan.size(), 50)).isEmpty();

        int named = SyncPlans.BLOCK + (SyncPlans.BLOCK % 3 == 2 ? 2 : 1); // in the second block, not a CREATE
        List<SyncChange> ofOperator = directorySync.changes(run, "op-" + named, 0, 50);
        assertThat(ofOperator).singleElement().satisfies(change -> {
            assertThat(change.seq()).isEqualTo(named);
            assertThat(change.suspension()).isEqualTo("LEFT_ORGANIZATION");
            assertThat(change.removed()).containsExactly("delivery");
        });
        assertThat(directorySync.list(null, null, "op-" + named, 10)).extracting(SyncRun::id)
                .contains(run);

        List<SyncChange> chunk = plans.pending(run, SyncPlans.BLOCK);
        assertThat(chunk).hasSize(SyncPlans.BLOCK);
        assertThat(chunk.get(0).seq()).isEqualTo(SyncPlans.BLOCK);
        assertThat(SyncPlans.planned(chunk.get(0))).isEqualTo(plan.get(SyncPlans.BLOCK));
        SyncChange created = chunk.stream().filter(c -> c.kind() == Kind.CREATE).findFirst().orElseThrow();
        assertThat(created.added()).containsExactly("admin", "delivery");
        assertThat(created.reason()).isEqualTo("Created \"ahead\"\n" + created.seq());
        assertThat(created.operator()).isNull();
        assertThat(plans.pending(run, 2 * SyncPlans.BLOCK)).hasSize(7);
        assertThat(plans.pending(run, plan.size())).isEmpty();
    }

    @Test
    void changesWhenRunPlannedBeforeTheBlocksThenItsRowsAreReadAsBefore() {
        long run = ended(runs.create("legacy-" + System.nanoTime(), true, "test", Instant.now()));
        jdbc.update("insert into directory_sync_change (run_id, seq, kind, operator, subject, email, added, removed, "
                + "suspension, reason) values (?, 0, 'GROUPS', 'legacy-op', 'S@AdobeID', 'l@example.com', "
                + "'content\ndelivery', '', null, 'Profiles')", run);
        jdbc.update("update directory_sync_run set applied_through = 0 where id = ?", run);

        assertThat(directorySync.changes(run, null, 0, 10)).singleElement().satisfies(change -> {
            assertThat(change.operator()).isEqualTo("legacy-op");
            assertThat(change.added()).containsExactly("content", "delivery");
            assertThat(change.applied()).isTrue();
        });
        assertThat(directorySync.changes(run, "legacy-op", 0, 10)).hasSize(1);
        assertThat(plans.pending(run, 0)).hasSize(1);
    }

    /** Ends the run as a dry run, so it holds no account's place among the running ones. */
    private long ended(long run) {
        jdbc.update("update directory_sync_run set state = 'DRY_RUN', ended_at = started_at where id = ?", run);
        return run;
    }
}
