package io.imsconnect.server.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import io.imsconnect.core.access.Suspension;
import io.imsconnect.core.sync.PlannedChange;
import io.imsconnect.core.sync.PlannedChange.Kind;
import io.imsconnect.server.storage.SqlFilter;

/**
 * A run's stored plan, {@value #BLOCK} changes a row ({@code directory_sync_plan}, the changes as compact JSON
 * arrays, in seq order), and a row per change that names an operator ({@code directory_sync_plan_operator}) so the
 * changes API and the runs list filter by operator. A first run of 100,000 users wrote 100,000 change rows, each
 * with its indexes and undo log, a quarter of its database work; now 50 blocks
 * (docs/decisions/0024-directory-sync-first-run.md). Runs planned before that keep their rows in
 * {@code directory_sync_change}, read as before.
 */
@Repository
class SyncPlans {

    /** Changes a row; also the apply chunk, so a chunk is one block read. */
    static final int BLOCK = SyncRunRepository.APPLY_CHUNK;
    private static final String SEPARATOR = "\n";
    private static final String LEGACY_APPLIED = "(c.seq <= r.applied_through) as applied";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    SyncPlans(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** Stores the plan in the caller's transaction: a row a block, and a row per change naming an operator. */
    void store(long run, List<PlannedChange> changes) {
        List<Object[]> blocks = new ArrayList<>();
        List<Object[]> operators = new ArrayList<>();
        for (int first = 0; first < changes.size(); first += BLOCK) {
            ArrayNode rows = json.createArrayNode();
            for (int seq = first; seq < Math.min(changes.size(), first + BLOCK); seq++) {
                PlannedChange c = changes.get(seq);
                ArrayNode row = rows.addArray().add(c.kind().name()).add(c.operator()).add(c.subject()).add(c.email());
                c.add().forEach(row.addArray()::add);
                c.remove().forEach(row.addArray()::add);
                row.add(c.suspension() == null ? null : c.suspension().name()).add(c.reason());
                if (c.operator() != null) {
                    operators.add(new Object[] { run, seq, c.operator() });
                }
            }
            blocks.add(new Object[] { run, first / BLOCK, json.writeValueAsString(rows) });
        }
        batch.batchUpdate("insert into directory_sync_plan (run_id, block, changes) values (?, ?, ?)", blocks);
        batch.batchUpdate("insert into directory_sync_plan_operator (run_id, seq, operator) values (?, ?, ?)",
                operators);
    }

    /** The next changes from {@code fromSeq} on, to the end of its block ({@value #BLOCK} at most). */
    List<SyncChange> pending(long run, int fromSeq) {
        if (!blocks(run)) {
            return jdbc.sql("select c.*, false as applied from directory_sync_change c where run_id = ? and seq >= ? "
                    + "order by run_id, seq limit " + BLOCK).params(run, fromSeq).query(SyncPlans::legacy).list();
        }
        return block(run, fromSeq / BLOCK, -1).stream().filter(c -> c.seq() >= fromSeq).toList();
    }

    /** A page of the run's changes in seq order, those of {@code operator} only when given, each marked applied. */
    List<SyncChange> changes(long run, String operator, int offset, int limit) {
        if (!blocks(run)) {
            SqlFilter filter = new SqlFilter("select c.*, " + LEGACY_APPLIED + " from directory_sync_change c "
                    + "join directory_sync_run r on r.id = c.run_id").and("c.run_id = ?", run)
                    .and("c.operator = ?", operator);
            return jdbc.sql(filter.sql("order by c.seq limit " + limit + " offset " + offset))
                    .params(filter.params()).query(SyncPlans::legacy).list();
        }
        int appliedThrough = jdbc.sql("select applied_through from directory_sync_run where id = ?").param(run)
                .query(Integer.class).single();
        List<SyncChange> found = new ArrayList<>();
        if (operator == null) {
            for (int block = offset / BLOCK; found.size() < limit; block++) {
                List<SyncChange> read = block(run, block, appliedThrough);
                if (read.isEmpty()) {
                    break;
                }
                read.stream().filter(c -> c.seq() >= offset).limit(limit - found.size()).forEach(found::add);
            }
            return found;
        }
        List<Integer> seqs = jdbc.sql("select seq from directory_sync_plan_operator where run_id = ? "
                + "and operator = ? order by seq limit " + limit + " offset " + offset).params(run, operator)
                .query(Integer.class).list();
        for (int seq : seqs) {
            block(run, seq / BLOCK, appliedThrough).stream().filter(c -> c.seq() == seq).forEach(found::add);
        }
        return found;
    }

    private boolean blocks(long run) {
        return jdbc.sql("select count(*) from directory_sync_plan where run_id = ? and block = 0").param(run)
                .query(Long.class).single() > 0;
    }

    /** One block's changes, those up to {@code appliedThrough} marked applied. */
    private List<SyncChange> block(long run, int block, int appliedThrough) {
        return jdbc.sql("select changes from directory_sync_plan where run_id = ? and block = ?").params(run, block)
                .query(String.class).optional().map(text -> {
                    JsonNode rows = json.readTree(text);
                    List<SyncChange> changes = new ArrayList<>(rows.size());
                    int seq = block * BLOCK;
                    for (JsonNode row : rows) {
                        changes.add(new SyncChange(run, seq, Kind.valueOf(row.get(0).asString()),
                                SyncRunRepository.text(row.get(1)), SyncRunRepository.text(row.get(2)),
                                SyncRunRepository.text(row.get(3)), SyncRunRepository.strings(row.get(4)),
                                SyncRunRepository.strings(row.get(5)), SyncRunRepository.text(row.get(6)),
                                row.get(7).asString(), seq <= appliedThrough));
                        seq++;
                    }
                    return changes;
                }).orElse(List.of());
    }

    /** The change {@link #store} stores at {@code seq}, as it reads back. */
    static SyncChange change(long run, int seq, PlannedChange c) {
        return new SyncChange(run, seq, c.kind(), c.operator(), c.subject(), c.email(), List.copyOf(c.add()),
                List.copyOf(c.remove()), c.suspension() == null ? null : c.suspension().name(), c.reason(), false);
    }

    static PlannedChange planned(SyncChange c) {
        return new PlannedChange(c.kind(), c.operator(), c.subject(), c.email(), Set.copyOf(c.added()),
                Set.copyOf(c.removed()), c.suspension() == null ? null : Suspension.valueOf(c.suspension()),
                c.reason());
    }

    private static SyncChange legacy(ResultSet rs, int row) throws SQLException {
        return new SyncChange(rs.getLong("run_id"), rs.getInt("seq"), Kind.valueOf(rs.getString("kind")),
                rs.getString("operator"), rs.getString("subject"), rs.getString("email"),
                split(rs.getString("added")), split(rs.getString("removed")), rs.getString("suspension"),
                rs.getString("reason"), rs.getBoolean("applied"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
