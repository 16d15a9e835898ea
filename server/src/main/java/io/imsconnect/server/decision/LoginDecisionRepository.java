package io.imsconnect.server.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.mapping.ProfileMapping;
import io.imsconnect.server.storage.SqlFilter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class LoginDecisionRepository {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<List<ProfileMapping>> MAPPINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LoginDecisionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(LoginDecision d) {
        jdbc.sql("""
                insert into login_decision (id, occurred_at, account, subject, email, operator_name, outcome, reason,
                    profiles, per_profile, groups_granted, groups_added, groups_removed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), Timestamp.from(d.occurredAt()), d.account(), d.subject(), d.email(), d.operator(),
                        d.outcome().name(), truncate(d.reason()), json.writeValueAsString(d.profiles()),
                        json.writeValueAsString(d.perProfile()), json.writeValueAsString(d.groupsGranted()),
                        json.writeValueAsString(d.groupsAdded()), json.writeValueAsString(d.groupsRemoved()))
                .update();
    }

    Optional<LoginDecision> find(String id) {
        return jdbc.sql("select * from login_decision where id = ?").param(id).query(this::decision).optional();
    }

    List<LoginDecision> find(LoginDecisionQuery query) {
        SqlFilter filter = filter("select *", query);
        return jdbc.sql(filter.sql("order by occurred_at desc, id limit " + query.limit() + " offset "
                + query.offset())).params(filter.params()).query(this::decision).list();
    }

    /** How many decisions the query's filter matches, whatever its limit and offset. */
    long count(LoginDecisionQuery query) {
        SqlFilter filter = filter("select count(*)", query);
        return jdbc.sql(filter.sql("")).params(filter.params()).query(Long.class).single();
    }

    /** Refused or failed decisions since {@code since}, counted by outcome. */
    Map<Outcome, Long> refusalsSince(Instant since) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        jdbc.sql("select outcome, count(*) n from login_decision where occurred_at >= ? and outcome <> ?"
                + " group by outcome").params(Timestamp.from(since), Outcome.ALLOWED.name())
                .query((rs, row) -> counts.put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n"))).list();
        return counts;
    }

    /** The newest allowed sign-in through each of {@code accounts} that has one: one index lookup each. */
    Map<String, Instant> lastAllowed(List<String> accounts) {
        Map<String, Instant> last = new HashMap<>();
        for (String account : accounts) {
            jdbc.sql("select max(occurred_at) from login_decision where account = ? and outcome = ?")
                    .params(account, Outcome.ALLOWED.name()).query(Timestamp.class).optional()
                    .ifPresent(at -> last.put(account, at.toInstant()));
        }
        return last;
    }

    private static SqlFilter filter(String select, LoginDecisionQuery query) {
        return new SqlFilter(select + " from login_decision")
                .and("outcome = ?", query.outcome() == null ? null : query.outcome().name())
                .and("(operator_name = ? or email = ? or subject = ?)", query.operator())
                .and("account = ?", query.account())
                .and("occurred_at >= ?", query.from()).and("occurred_at < ?", query.to());
    }

    private LoginDecision decision(ResultSet rs, int row) throws SQLException {
        return new LoginDecision(rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("account"), rs.getString("subject"), rs.getString("email"),
                rs.getString("operator_name"), Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                json.readValue(rs.getString("profiles"), NAMES), json.readValue(rs.getString("per_profile"), MAPPINGS),
                json.readValue(rs.getString("groups_granted"), NAMES), json.readValue(rs.getString("groups_added"), NAMES),
                json.readValue(rs.getString("groups_removed"), NAMES));
    }

    private static String truncate(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }
}
