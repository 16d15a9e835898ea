package io.imsconnect.server.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.imsconnect.core.access.Suspension;
import io.imsconnect.core.sync.DirectoryUser;
import io.imsconnect.core.sync.PlannedChange;
import io.imsconnect.core.sync.PlannedChange.Kind;
import io.imsconnect.server.storage.SqlFilter;

/**
 * Runs, the directory read staged page by page (so a run resumes on any node after a reschedule, and the plan
 * streams it back in chunks instead of holding it), and the planned changes. Writes go in batches: no query per
 * user.
 */
@Repository
class SyncRunRepository {

    static final int CHUNK = 5_000;
    /** Operators applied in one transaction: big enough for JDBC batches, small enough for short transactions. */
    static final int APPLY_CHUNK = 500;
    private static final String SEPARATOR = "\n";
    private static final String RUN_COLUMNS = "id, account, state, dry_run, started_by, started_at, ended_at, "
            + "next_page, pages, users_read, planned_changes, applied_changes, taking_access, cap_limit, "
            + "waited_millis, retries, planned_at, reason";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SyncRunRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long create(String account, boolean dryRun, String startedBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into directory_sync_run (account, state, dry_run, started_by, started_at) values (?, ?, ?, ?, ?)")
                .params(account, RunState.RUNNING.name(), dryRun, startedBy, Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<SyncRun> find(long id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from directory_sync_run where id = ?").param(id)
                .query(SyncRunRepository::run).optional();
    }

    List<SyncRun> find(String account, RunState state, String operator, int limit) {
        SqlFilter filter = new SqlFilter("select " + RUN_COLUMNS + " from directory_sync_run")
                .and("account = ?", account)
                .and("state = ?", state == null ? null : state.name())
                .and("id in (select run_id from directory_sync_change where operator = ?)", operator);
        return jdbc.sql(filter.sql("order by id desc limit " + limit)).params(filter.params())
                .query(SyncRunRepository::run).list();
    }

    List<SyncRun> running(String account) {
        return find(account, RunState.RUNNING, null, 100);
    }

    /** Stages one page's users and moves the run on to the next page. */
    void pageRead(long id, int page, List<DirectoryUser> users) {
        int first = jdbc.sql("select users_read from directory_sync_run where id = ?").param(id)
                .query(Integer.class).single();
        List<Object[]> rows = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            DirectoryUser user = users.get(i);
            rows.add(new Object[] { id, first + i, user.id(), user.email(), user.status(),
                    String.join(SEPARATOR, user.groups()) });
        }
        batch.batchUpdate("insert into directory_sync_user (run_id, seq, user_id, email, status, groups) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
        jdbc.sql("update directory_sync_run set next_page = ?, pages = pages + 1, users_read = users_read + ? "
                + "where id = ?").params(page + 1, users.size(), id).update();
    }

    /** The staged users, in the order read, a chunk at a time. */
    void forEachUser(long id, Consumer<DirectoryUser> consumer) {
        for (int from = 0;; from += CHUNK) {
            List<DirectoryUser> chunk = jdbc.sql("select user_id, email, status, groups from directory_sync_user "
                    + "where run_id = ? and seq >= ? and seq < ? order by run_id, seq").params(id, from, from + CHUNK)
                    .query((rs, n) -> new DirectoryUser(rs.getString(1), rs.getString(2), rs.getString(3),
                            split(rs.getString(4)))).list();
            chunk.forEach(consumer);
            if (chunk.size() < CHUNK) {
                return;
            }
        }
    }

    void delete(long id) {
        jdbc.sql("delete from directory_sync_run where id = ?").param(id).update();
    }

    /**
     * Deletes the staged read once it is planned or the run ended, {@value #CHUNK} rows a statement, each committed
     * on its own: not as part of storing the plan, where deleting 100,000 rows made the plan's transaction long.
     */
    void deleteUsers(long id) {
        int deleted;
        int from = 0;
        do {
            deleted = jdbc.sql("delete from directory_sync_user where run_id = ? and seq >= ? and seq < ?")
                    .params(id, from, from + CHUNK).update();
            from += CHUNK;
        } while (deleted > 0);
    }

    void waited(long id, long millis, String reason) {
        jdbc.sql("update directory_sync_run set waited_millis = waited_millis + ?, retries = retries + 1, reason = ? "
                + "where id = ?").params(millis, reason, id).update();
    }

    void planned(long id, List<PlannedChange> changes, int takingAccess, int capLimit, Instant now) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            PlannedChange c = changes.get(i);
            rows.add(new Object[] { id, i, c.kind().name(), c.operator(), c.subject(), c.email(),
                    String.join(SEPARATOR, c.add()), String.join(SEPARATOR, c.remove()),
                    c.suspension() == null ? null : c.suspension().name(), c.reason() });
        }
        batch.batchUpdate("insert into directory_sync_change (run_id, seq, kind, operator, subject, email, added, "
                + "removed, suspension, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.sql("update directory_sync_run set planned_changes = ?, taking_access = ?, cap_limit = ?, planned_at = ? "
                + "where id = ?").params(changes.size(), takingAccess, capLimit, Timestamp.from(now), id).update();
    }

    /** The next changes not applied yet, from {@code fromSeq} on, {@value #APPLY_CHUNK} at most. */
    List<SyncChange> pending(long id, int fromSeq) {
        // Ordered as the primary key (run_id, seq) is, so the database reads the next rows off it instead of sorting
        // the run's whole plan for every chunk.
        return jdbc.sql("select * from directory_sync_change where run_id = ? and applied = false and seq >= ? "
                + "order by run_id, seq limit " + APPLY_CHUNK).params(id, fromSeq).query(SyncRunRepository::change)
                .list();
    }

    List<SyncChange> changes(long id, String operator, int offset, int limit) {
        SqlFilter filter = new SqlFilter("select * from directory_sync_change").and("run_id = ?", id)
                .and("operator = ?", operator);
        return jdbc.sql(filter.sql("order by seq limit " + limit + " offset " + offset)).params(filter.params())
                .query(SyncRunRepository::change).list();
    }

    /** Marks the changes from {@code fromSeq} to {@code toSeq} applied, {@code changed} of them having changed. */
    void applied(long id, int fromSeq, int toSeq, int changed) {
        jdbc.sql("update directory_sync_change set applied = true where run_id = ? and seq between ? and ?")
                .params(id, fromSeq, toSeq).update();
        jdbc.sql("update directory_sync_run set applied_changes = applied_changes + ? where id = ?")
                .params(changed, id).update();
    }

    /** Ends a run still in {@code from}; false when another node or request ended it first. */
    boolean end(long id, RunState from, RunState to, String reason, Instant now) {
        return jdbc.sql("update directory_sync_run set state = ?, reason = ?, ended_at = ? where id = ? and state = ?")
                .params(to.name(), reason, Timestamp.from(now), id, from.name()).update() == 1;
    }

    /** Moves a run from one state to another (HELD back to RUNNING to apply it); false when it was not in it. */
    boolean move(long id, RunState from, RunState to) {
        return jdbc.sql("update directory_sync_run set state = ? where id = ? and state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    static PlannedChange planned(SyncChange c) {
        return new PlannedChange(c.kind(), c.operator(), c.subject(), c.email(), Set.copyOf(c.added()),
                Set.copyOf(c.removed()),
                c.suspension() == null ? null : Suspension.valueOf(c.suspension()), c.reason());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    private static SyncRun run(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new SyncRun(rs.getLong("id"), rs.getString("account"), RunState.valueOf(rs.getString("state")),
                rs.getBoolean("dry_run"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), rs.getInt("next_page"), rs.getInt("pages"),
                rs.getInt("users_read"), rs.getInt("planned_changes"), rs.getInt("applied_changes"),
                rs.getInt("taking_access"), rs.getInt("cap_limit"), rs.getLong("waited_millis"), rs.getInt("retries"),
                rs.getTimestamp("planned_at") != null, rs.getString("reason"));
    }

    private static SyncChange change(ResultSet rs, int row) throws SQLException {
        return new SyncChange(rs.getLong("run_id"), rs.getInt("seq"), Kind.valueOf(rs.getString("kind")),
                rs.getString("operator"), rs.getString("subject"), rs.getString("email"),
                split(rs.getString("added")), split(rs.getString("removed")), rs.getString("suspension"),
                rs.getString("reason"), rs.getBoolean("applied"));
    }
}
