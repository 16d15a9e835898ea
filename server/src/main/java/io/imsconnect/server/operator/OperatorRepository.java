package io.imsconnect.server.operator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.imsconnect.core.access.Suspension;

@Repository
class OperatorRepository {

    private static final String COLUMNS = "id, name, label, email, origin, subject, disabled, technical, suspension,"
            + " suspended_reason, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OperatorRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<Operator> findAll() {
        return jdbc.sql("select " + COLUMNS + " from operator order by name").query(OperatorRepository::operator)
                .list();
    }

    List<Operator> findPage(int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from operator order by name limit ? offset ?").params(limit, offset)
                .query(OperatorRepository::operator).list();
    }

    long count() {
        return jdbc.sql("select count(*) from operator").query(Long.class).single();
    }

    Optional<Operator> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from operator where name = ?").param(name)
                .query(OperatorRepository::operator).optional();
    }

    Optional<Operator> findByOriginAndSubject(String origin, String subject) {
        return jdbc.sql("select " + COLUMNS + " from operator where origin = ? and subject = ?")
                .params(origin, subject).query(OperatorRepository::operator).optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from operator where id = ?").param(id).query(String.class).optional();
    }

    boolean nameExists(String name) {
        return jdbc.sql("select count(*) from operator where name = ?").param(name).query(Long.class).single() > 0;
    }

    long insert(String name, String label, String email, String origin, String subject, String passwordHash,
            Instant now) {
        return insert(name, label, email, origin, subject, passwordHash, false, now);
    }

    long insert(String name, String label, String email, String origin, String subject, String passwordHash,
            boolean technical, Instant now) {
        jdbc.sql("""
                insert into operator (name, label, email, origin, subject, password_hash, disabled, technical,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, false, ?, ?, ?)""")
                .params(name, label, email, origin, subject, passwordHash, technical, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return findByName(name).orElseThrow().id();
    }

    void updateProfile(long id, String label, String email, Instant now) {
        jdbc.sql("update operator set label = ?, email = ?, updated_at = ? where id = ?")
                .params(label, email, Timestamp.from(now), id).update();
    }

    void setDisabled(long id, boolean disabled, Instant now) {
        jdbc.sql("update operator set disabled = ?, updated_at = ? where id = ?")
                .params(disabled, Timestamp.from(now), id).update();
    }

    /** Suspends ({@code suspension} not {@code null}, with its reason) or lifts the suspension. */
    void setSuspension(long id, Suspension suspension, String reason, Instant now) {
        jdbc.sql("update operator set suspension = ?, suspended_reason = ?, suspended_at = ?, updated_at = ? where id = ?")
                .params(suspension == null ? null : suspension.name(), reason,
                        suspension == null ? null : Timestamp.from(now), Timestamp.from(now), id).update();
    }

    /** The operators an external account created: what a directory sync plans against. */
    List<Operator> findByOrigin(String origin) {
        return jdbc.sql("select " + COLUMNS + " from operator where origin = ?").param(origin)
                .query(OperatorRepository::operator).list();
    }

    /**
     * The operators of {@code origin} among {@code values} of {@code column} (name or subject), in one query. The
     * list is the condition on its own, on a column an index starts with ({@code uq_operator_name},
     * {@code uq_operator_subject_origin}): H2 looks up an IN list only through an index's first column, and next
     * to {@code origin = ?} it could scan every operator of the account instead. The origin is checked here.
     */
    List<Operator> findByOriginAnd(String origin, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from operator where " + column + " in ("
                + String.join(", ", Collections.nCopies(values.size(), "?")) + ")").params(List.copyOf(values))
                .query(OperatorRepository::operator).list().stream()
                .filter(operator -> origin.equals(operator.origin())).toList();
    }

    Set<String> existingNames(Collection<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select name from operator where name in ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")").params(List.copyOf(names))
                .query(String.class).list());
    }

    /**
     * Inserts external operators in one batch; each row is name, e-mail, subject. Returns the operators created, in
     * the rows' order, their ids the keys the batch generated: nothing is read back
     * (docs/decisions/0024-directory-sync-first-run.md).
     */
    List<Operator> insertExternal(String origin, List<String[]> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Timestamp time = Timestamp.from(now);
        KeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(connection -> connection.prepareStatement("insert into operator (name, email, origin, "
                + "subject, disabled, technical, created_at, updated_at) values (?, ?, ?, ?, false, false, ?, ?)",
                new String[] { "id" }), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        String[] row = rows.get(i);
                        ps.setString(1, row[0]);
                        ps.setString(2, row[1]);
                        ps.setString(3, origin);
                        ps.setString(4, row[2]);
                        ps.setTimestamp(5, time);
                        ps.setTimestamp(6, time);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("the operators' insert gave " + generated.size() + " keys for "
                    + rows.size() + " rows");
        }
        List<Operator> created = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            long id = ((Number) generated.get(i).values().iterator().next()).longValue();
            created.add(new Operator(id, row[0], null, row[1], origin, row[2], false, false, null, null, now, now));
        }
        return created;
    }

    /** Sets each operator's suspension (see {@link #setSuspension}) in one batch. */
    void setSuspensions(List<Operator> operators, List<Suspension> suspensions, List<String> reasons, Instant now) {
        Timestamp time = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(operators.size());
        for (int i = 0; i < operators.size(); i++) {
            Suspension suspension = suspensions.get(i);
            rows.add(new Object[] { suspension == null ? null : suspension.name(),
                    suspension == null ? null : reasons.get(i), suspension == null ? null : time, time,
                    operators.get(i).id() });
        }
        batch.batchUpdate("update operator set suspension = ?, suspended_reason = ?, suspended_at = ?, "
                + "updated_at = ? where id = ?", rows);
    }

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        return new Operator(rs.getLong("id"), rs.getString("name"), rs.getString("label"), rs.getString("email"),
                rs.getString("origin"), rs.getString("subject"), rs.getBoolean("disabled"), rs.getBoolean("technical"),
                Optional.ofNullable(rs.getString("suspension")).map(Suspension::valueOf).orElse(null),
                rs.getString("suspended_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
