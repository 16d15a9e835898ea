package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Points every test application context at a database of its own: an in-memory H2 by default, or, when the
 * suite runs with {@code -Dimsconnect.test.database=postgres}, a fresh database in one real PostgreSQL server
 * (embedded through zonky, no service needed) started once per JVM.
 */
public final class TestDatabase implements EnvironmentPostProcessor {

    public static final String SELECTOR = "imsconnect.test.database";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(org.springframework.core.env.Profiles.of("test"))) {
            return;
        }
        String name = "imsconnect_test_" + CONTEXTS.incrementAndGet();
        Map<String, Object> datasource = isPostgres()
                ? Map.of("spring.datasource.url", Postgres.createDatabase(name),
                        "spring.datasource.username", "postgres", "spring.datasource.password", "")
                : Map.of("spring.datasource.url",
                        "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "spring.datasource.username", "sa", "spring.datasource.password", "");
        environment.getPropertySources().addFirst(new MapPropertySource("imsconnectTestDatabase", datasource));
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty(SELECTOR));
    }

    private static final class Postgres {

        private static final EmbeddedPostgres SERVER = start();

        static String createDatabase(String name) {
            try (Connection connection = SERVER.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database " + name, e);
            }
            return SERVER.getJdbcUrl("postgres", name);
        }

        /**
         * Stopped by Spring Boot's own shutdown hook once it has closed every cached test context (a shutdown handler
         * runs after the contexts), never beside it: a hook of its own, run at the same time as Spring's, could stop
         * the server while contexts were still closing, and their pools then retried a dead server until surefire
         * killed the fork.
         */
        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", e);
            }
        }
    }
}
