package io.imsconnect.server.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.imsconnect.server.storage.SqlFilter;

/**
 * Failed sign-ins that never got the provider's tokens, counted per account, reason and interval, with the
 * reference of the one recorded in full (the sample). Written with SQL both H2 and PostgreSQL accept; the
 * first of an interval is claimed by {@code on conflict do nothing}, so two at once cannot both become samples.
 */
@Repository
class LoginFailureTally {

    private final JdbcClient jdbc;

    LoginFailureTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the interval for {@code sampleId}: true when this failure is the interval's first. */
    boolean claim(String account, String reasonCode, Instant window, String sampleId) {
        return jdbc.sql("insert into login_failure_tally (account, reason_code, window_start, failures, sample_id)"
                + " values (?, ?, ?, 0, ?) on conflict do nothing")
                .params(account, reasonCode, Timestamp.from(window), sampleId).update() == 1;
    }

    /** Counts {@code failures} more. */
    void add(String account, String reasonCode, Instant window, int failures) {
        jdbc.sql("update login_failure_tally set failures = failures + ?"
                + " where account = ? and reason_code = ? and window_start = ?")
                .params(failures, account, reasonCode, Timestamp.from(window)).update();
    }

    /** The reference of the interval's sample. */
    Optional<String> sample(String account, String reasonCode, Instant window) {
        return jdbc.sql("select sample_id from login_failure_tally"
                + " where account = ? and reason_code = ? and window_start = ?")
                .params(account, reasonCode, Timestamp.from(window)).query(String.class).optional();
    }

    /** The counts {@code query} selects, newest interval first, each with its sample's reason. */
    List<LoginFailureCount> find(LoginFailureQuery query) {
        SqlFilter filter = new SqlFilter("select t.account, t.reason_code, t.window_start, t.failures, t.sample_id,"
                + " d.reason from login_failure_tally t left join login_decision d on d.id = t.sample_id")
                .and("t.account = ?", query.account()).and("t.reason_code = ?", query.reasonCode())
                .and("t.window_start >= ?", query.from()).and("t.window_start < ?", query.to());
        return jdbc.sql(filter.sql("order by t.window_start desc, t.account, t.reason_code limit " + query.limit()
                + " offset " + query.offset())).params(filter.params()).query(LoginFailureTally::count).list();
    }

    private static LoginFailureCount count(ResultSet rs, int row) throws SQLException {
        return new LoginFailureCount(rs.getString("account"), rs.getString("reason_code"),
                rs.getTimestamp("window_start").toInstant(), rs.getInt("failures"), rs.getString("sample_id"),
                rs.getString("reason"));
    }
}
