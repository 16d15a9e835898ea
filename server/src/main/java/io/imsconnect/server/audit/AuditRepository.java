package io.imsconnect.server.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.imsconnect.server.storage.SqlFilter;

@Repository
class AuditRepository {

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor, action, target_type, target, before_state, after_state)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Instant at, String actor, String action, String targetType, String target, String before,
            String after) {
        jdbc.sql(INSERT)
                .params(Timestamp.from(at), actor, action, targetType, target, before, after)
                .update();
    }

    /** Inserts events in one JDBC batch; each row is action, target type, target, before, after. */
    void insertAll(Instant at, String actor, List<String[]> rows) {
        Timestamp time = Timestamp.from(at);
        batch.batchUpdate(INSERT, rows.stream().map(r -> new Object[] { time, actor, r[0], r[1], r[2], r[3], r[4] })
                .toList());
    }

    List<AuditEvent> find(AuditQuery query) {
        SqlFilter filter = new SqlFilter("select * from audit_event").and("actor = ?", query.actor())
                .and("action = ?", query.action()).and("target_type = ?", query.targetType())
                .and("occurred_at >= ?", query.from()).and("occurred_at < ?", query.to());
        return jdbc.sql(filter.sql("order by id desc limit " + query.limit())).params(filter.params())
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target"), rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }
}
