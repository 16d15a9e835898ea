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

        private static EmbeddedPostgres start() {
            try {
                // zonky's own hook would stop the server at once, beside Spring's: this one waits for Spring's first.
                EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        afterSpringsShutdownHook();
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", e);
            }
        }

        /**
         * Shutdown hooks run at the same time: stopping PostgreSQL while Spring's hook still closed the cached test
         * contexts left the last ones' connection pools retrying a dead server, and surefire killed the fork 30 s
         * after its exit. The contexts close first, for up to 20 s, then the server. Closing all the cached contexts
         * can take longer than that, and then the fork is still killed (30 s lost, nothing failed): not solved yet.
         */
        private static void afterSpringsShutdownHook() {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("SpringApplicationShutdownHook")) {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }
}
