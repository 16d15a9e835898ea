package io.imsconnect.server.connection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The last Test connection of each account (table {@code connection_test}, migration V10). */
@Repository
class ConnectionResults {

    private final JdbcClient jdbc;

    ConnectionResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void record(ConnectionReport report, String testedBy, Instant at) {
        ConnectionReport.Step failed = report.steps().stream().filter(step -> !step.ok()).findFirst().orElse(null);
        String detail = failed == null ? null : failed.detail();
        jdbc.sql("delete from connection_test where account = ?").param(report.account()).update();
        jdbc.sql("insert into connection_test (account, tested_at, tested_by, ok, failed_step, detail)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(report.account(), Timestamp.from(at), testedBy, report.ok(),
                        failed == null ? null : failed.name(),
                        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...")
                .update();
    }

    @Transactional(readOnly = true)
    Map<String, ConnectionTester.LastTest> all() {
        Map<String, ConnectionTester.LastTest> last = new HashMap<>();
        jdbc.sql("select * from connection_test").query((rs, row) -> last.put(rs.getString("account"),
                new ConnectionTester.LastTest(rs.getTimestamp("tested_at").toInstant(), rs.getString("tested_by"),
                        rs.getBoolean("ok"), rs.getString("failed_step"), rs.getString("detail")))).list();
        return last;
    }
}
