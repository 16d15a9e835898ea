package io.imsconnect.bench.floor.stored;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * The second floor of the sign-in benchmark: bench/floor's app (its sources, built again here) with the storage
 * design.md requires of any instance and nothing more. HTTP sessions live in the database (Spring Session JDBC,
 * auto-configured from the class path), and each sign-in writes one row in a transaction of its own, on an H2 file
 * database that writes each commit before it returns, as the instance's does (a 2xx answer is durable). No mapping,
 * no operator, no memberships: what the instance pays beyond this is its own (bench/RESULTS.md).
 */
@Configuration
class StoredFloor {

    private final JdbcTemplate jdbc;

    StoredFloor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        jdbc.update("insert into sign_in (principal, signed_in_at) values (?, ?)", event.getAuthentication().getName(),
                Timestamp.from(Instant.now()));
    }
}
