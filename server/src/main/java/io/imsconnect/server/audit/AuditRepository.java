package io.imsconnect.server.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String actor, String action, String targetType, String target, String before,
            String after) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, target_type, target, before_state, after_state)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), actor, action, targetType, target, before, after)
                .update();
    }

    List<AuditEvent> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select * from audit_event where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" and actor = ?");
            params.add(query.actor());
        }
        if (query.action() != null) {
            sql.append(" and action = ?");
            params.add(query.action());
        }
        if (query.targetType() != null) {
            sql.append(" and target_type = ?");
            params.add(query.targetType());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        sql.append(" order by id desc limit ").append(query.limit());
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target"), rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }
}
