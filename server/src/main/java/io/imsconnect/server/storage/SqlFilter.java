package io.imsconnect.server.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's {@code where} clause built from optional filters: each condition applies only when its value is
 * given, and every value is a bind parameter, never spliced into the SQL.
 */
public final class SqlFilter {

    private final StringBuilder sql;
    private final List<Object> params = new ArrayList<>();

    public SqlFilter(String select) {
        this.sql = new StringBuilder(select).append(" where 1 = 1");
    }

    /** Adds {@code and condition} when {@code value} is not null, binding it to each {@code ?} of it. */
    public SqlFilter and(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            Object bound = value instanceof Instant instant ? Timestamp.from(instant) : value;
            condition.chars().filter(c -> c == '?').forEach(c -> params.add(bound));
        }
        return this;
    }

    /** The SQL with {@code tail} (ordering, limit) appended. */
    public String sql(String tail) {
        return sql + " " + tail;
    }

    public List<Object> params() {
        return List.copyOf(params);
    }
}
