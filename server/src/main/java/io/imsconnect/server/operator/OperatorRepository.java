package io.imsconnect.server.operator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.imsconnect.core.access.Suspension;
import org.springframework.stereotype.Repository;

@Repository
class OperatorRepository {

    private static final String COLUMNS = "id, name, label, email, origin, subject, disabled, technical, suspension,"
            + " suspended_reason, created_at, updated_at";

    private final JdbcClient jdbc;

    OperatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        return new Operator(rs.getLong("id"), rs.getString("name"), rs.getString("label"), rs.getString("email"),
                rs.getString("origin"), rs.getString("subject"), rs.getBoolean("disabled"), rs.getBoolean("technical"),
                Optional.ofNullable(rs.getString("suspension")).map(Suspension::valueOf).orElse(null),
                rs.getString("suspended_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
