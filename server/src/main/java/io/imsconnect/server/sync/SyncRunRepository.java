package io.imsconnect.server.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import io.imsconnect.core.sync.DirectoryUser;
import io.imsconnect.server.storage.SqlFilter;

/**
 * Runs, the directory read of a run that stopped to wait staged a page a row (so it resumes on any node after the
 * reschedule, and the plan streams it back a page at a time), and the run's progress; {@link SyncPlans} stores the
 * plan. No query per user (docs/decisions/0021-directory-sync-writes-less.md).
 */
@Repository
class SyncRunRepository {

    /** Operators applied in one transaction: big enough for JDBC batches, small enough for short transactions. */
    static final int APPLY_CHUNK = 2_000;
    private static final String RUN_COLUMNS = "id, account, state, dry_run, started_by, started_at, ended_at, "
            + "next_page, pages, users_read, planned_changes, applied_changes, taking_access, cap_limit, "
            + "waited_millis, retries, planned_at, reason, directory_millis, database_millis";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SyncRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
                .and("id in (select run_id from directory_sync_plan_operator where operator = ?)", operator);
        return jdbc.sql(filter.sql("order by id desc limit " + limit)).params(filter.params())
                .query(SyncRunRepository::run).list();
    }

    List<SyncRun> running(String account) {
        return find(account, RunState.RUNNING, null, 100);
    }

    /** A page's users as staged: compact JSON arrays (id, e-mail, status, groups), in the order read. */
    String staged(List<DirectoryUser> users) {
        ArrayNode rows = json.createArrayNode();
        for (DirectoryUser user : users) {
            ArrayNode row = rows.addArray().add(user.id()).add(user.email()).add(user.status());
            user.groups().forEach(row.addArray()::add);
        }
        return json.writeValueAsString(rows);
    }

    /** Counts one page read: the run's live progress, and the time spent so far. */
    void pageRead(long id, int users, RunTimes times) {
        jdbc.sql("update directory_sync_run set pages = pages + 1, users_read = users_read + ?, "
                + "directory_millis = directory_millis + ?, database_millis = database_millis + ? where id = ?")
                .params(users, times.drainDirectoryMillis(), times.drainDatabaseMillis(), id).update();
    }

    /**
     * Stages pages read ({@link #staged}), a row a page, and moves the run on to the page after the last: a step
     * that stops to wait for the directory leaves its read here for the next step, on any node.
     */
    void stage(long id, Map<Integer, String> pages) {
        if (pages.isEmpty()) {
            return;
        }
        pages.forEach((page, users) -> jdbc.sql("insert into directory_sync_page (run_id, page, users) "
                + "values (?, ?, ?)").params(id, page, users).update());
        int next = pages.keySet().stream().mapToInt(Integer::intValue).max().getAsInt() + 1;
        jdbc.sql("update directory_sync_run set next_page = ? where id = ?").params(next, id).update();
    }

    /** The staged page after {@code page} ({@code -1}: the first), its users as {@link #staged} wrote them. */
    Optional<StagedPage> pageAfter(long id, int page) {
        return jdbc.sql("select page, users from directory_sync_page where run_id = ? and page > ? "
                + "order by run_id, page limit 1").params(id, page)
                .query((rs, n) -> new StagedPage(rs.getInt(1), rs.getString(2))).optional();
    }

    /** One staged page: its number and its users as staged. */
    record StagedPage(int page, String staged) {
    }

    /** The users of a staged page, in the order read. */
    List<DirectoryUser> users(String staged) {
        JsonNode rows = json.readTree(staged);
        List<DirectoryUser> users = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            users.add(new DirectoryUser(text(row.get(0)), text(row.get(1)), text(row.get(2)), strings(row.get(3))));
        }
        return users;
    }

    /** A string array of the compact JSON rows staged here and stored by {@link SyncPlans}. */
    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>(array.size());
        array.forEach(s -> strings.add(s.asString()));
        return strings;
    }

    /** A string or null of those rows. */
    static String text(JsonNode node) {
        return node.isNull() ? null : node.asString();
    }

    void delete(long id) {
        jdbc.sql("delete from directory_sync_run where id = ?").param(id).update();
    }

    /** Deletes the staged read once it is planned or the run ended: a row a page, so one statement. */
    void deletePages(long id) {
        jdbc.sql("delete from directory_sync_page where run_id = ?").param(id).update();
    }

    void waited(long id, long millis, String reason, RunTimes times) {
        jdbc.sql("update directory_sync_run set waited_millis = waited_millis + ?, retries = retries + 1, reason = ?, "
                + "directory_millis = directory_millis + ?, database_millis = database_millis + ? where id = ?")
                .params(millis, reason, times.drainDirectoryMillis(), times.drainDatabaseMillis(), id).update();
    }

    /** Records that the run is planned (its plan stored by {@link SyncPlans#store} in the same transaction). */
    void planned(long id, int changes, int takingAccess, int capLimit, Instant now, RunTimes times) {
        jdbc.sql("update directory_sync_run set planned_changes = ?, taking_access = ?, cap_limit = ?, planned_at = ?, "
                + "directory_millis = directory_millis + ?, database_millis = database_millis + ? where id = ?")
                .params(changes, takingAccess, capLimit, Timestamp.from(now), times.drainDirectoryMillis(),
                        times.drainDatabaseMillis(), id).update();
    }

    /** The seq of the last change applied, {@code -1} when none is. */
    int appliedThrough(long id) {
        return jdbc.sql("select applied_through from directory_sync_run where id = ?").param(id).query(Integer.class)
                .single();
    }

    /**
     * Marks the changes up to {@code toSeq} applied (the watermark: chunks are applied in seq order),
     * {@code changed} of them having changed, and adds the time spent so far.
     */
    void applied(long id, int toSeq, int changed, RunTimes times) {
        jdbc.sql("update directory_sync_run set applied_through = ?, applied_changes = applied_changes + ?, "
                + "directory_millis = directory_millis + ?, database_millis = database_millis + ? where id = ?")
                .params(toSeq, changed, times.drainDirectoryMillis(), times.drainDatabaseMillis(), id).update();
    }

    /** Ends a run still in {@code from}; false when another node or request ended it first. */
    boolean end(long id, RunState from, RunState to, String reason, Instant now) {
        return end(id, from, to, reason, now, new RunTimes());
    }

    /** The same, adding the time the run spent since it last recorded it. */
    boolean end(long id, RunState from, RunState to, String reason, Instant now, RunTimes times) {
        return jdbc.sql("update directory_sync_run set state = ?, reason = ?, ended_at = ?, "
                + "directory_millis = directory_millis + ?, database_millis = database_millis + ? "
                + "where id = ? and state = ?")
                .params(to.name(), reason, Timestamp.from(now), times.drainDirectoryMillis(),
                        times.drainDatabaseMillis(), id, from.name()).update() == 1;
    }

    /** Moves a run from one state to another (HELD back to RUNNING to apply it); false when it was not in it. */
    boolean move(long id, RunState from, RunState to) {
        return jdbc.sql("update directory_sync_run set state = ? where id = ? and state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    private static SyncRun run(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new SyncRun(rs.getLong("id"), rs.getString("account"), RunState.valueOf(rs.getString("state")),
                rs.getBoolean("dry_run"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), rs.getInt("next_page"), rs.getInt("pages"),
                rs.getInt("users_read"), rs.getInt("planned_changes"), rs.getInt("applied_changes"),
                rs.getInt("taking_access"), rs.getInt("cap_limit"), rs.getLong("waited_millis"), rs.getInt("retries"),
                rs.getTimestamp("planned_at") != null, rs.getString("reason"), rs.getLong("directory_millis"),
                rs.getLong("database_millis"));
    }
}
