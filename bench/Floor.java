import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floors of the directory-sync benchmark, raw JDBC batches into empty databases of the same kind, with no HTTP
 * and no planning:
 *
 * <ul>
 * <li>the floor the issue names: the operator and MASK membership rows a first run writes (tables as V1 has
 * them), nothing else;</li>
 * <li>the rows the issue requires of a first run: the same, plus per user the planned change the run stores (its
 * plan is kept for review, dry runs and the run's page) and the audit event of its applied change (tables as V1
 * and V7 have them, the values as a run writes them).</li>
 * </ul>
 *
 * The floor the issue names is timed twice: cold, as the first insert of a fresh JVM (H2's code loaded and compiled
 * as it goes: the figure this benchmark printed until 2026-11-30), then warm, the median of {@value #WARM} more
 * inserts in the same JVM, each into an empty database (the cold one took 5 s where the warm ones took 2). The rows
 * the issue requires are timed warm only. Prints users per second for each.
 *
 * With a fourth argument, folders of the instance's migrations, the floor and the required rows are timed again
 * (warm) on the instance's own schema (its tables, keys and indexes) and H2 settings: the same database.
 *
 * <p>java -cp h2.jar bench/Floor.java JDBC_URL_PREFIX USERS PROFILES [MIGRATION_FOLDER,…]
 */
public final class Floor {

    private static final int WARM = 3;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        int profiles = Integer.parseInt(args[2]);
        Timed cold = run(url.replace("{db}", "floor"), users, profiles, false, null);
        print("floor", users, cold.rows(), cold.seconds());
        Timed warm = warm(url, "floor", users, profiles, false, null);
        print("floor, warm", users, warm.rows(), warm.seconds());
        Timed required = warm(url, "required", users, profiles, true, null);
        print("floor with the plan and audit rows the issue requires", users, required.rows(), required.seconds());
        if (args.length > 3) {
            List<Path> migrations = migrations(args[3].split(","));
            Timed same = warm(url + SERVER_SETTINGS, "instance-schema", users, profiles, false, migrations);
            print("floor, warm, on the instance's schema and settings", users, same.rows(), same.seconds());
            Timed sameRequired = warm(url + SERVER_SETTINGS, "instance-schema-required", users, profiles, true,
                    migrations);
            print("floor with the required rows, warm, on the instance's schema and settings", users,
                    sameRequired.rows(), sameRequired.seconds());
        }
    }

    /** The instance's H2 settings besides the mode (server/src/main/resources/application.properties). */
    private static final String SERVER_SETTINGS = ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;"
            + "QUERY_CACHE_SIZE=64";

    /** The migrations of these folders (V{n}__*.sql), in the order of their versions, as Flyway runs them. */
    private static List<Path> migrations(String[] folders) throws Exception {
        List<Path> scripts = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).forEach(scripts::add);
            }
        }
        scripts.sort(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll(
                "^V(\\d+)__.*", "$1"))));
        return scripts;
    }

    /** {@value #WARM} inserts, each into an empty database: their median time. */
    private static Timed warm(String url, String name, int users, int profiles, boolean required,
            List<Path> migrations) throws Exception {
        double[] seconds = new double[WARM];
        long rows = 0;
        for (int round = 0; round < WARM; round++) {
            Timed timed = run(url.replace("{db}", name + "-warm" + round), users, profiles, required, migrations);
            seconds[round] = timed.seconds();
            rows = timed.rows();
        }
        System.out.printf("  %s, warm: %s s%n", name, String.join(", ",
                Arrays.stream(seconds).mapToObj(t -> String.format("%.2f", t)).toList()));
        Arrays.sort(seconds);
        return new Timed(seconds[WARM / 2], rows);
    }

    private static void print(String floor, int users, long rows, double seconds) {
        System.out.printf("%s: %d users, %d rows besides the operators in %.2f s = %.0f users/s%n", floor, users, rows,
                seconds, users / seconds);
    }

    private record Timed(double seconds, long rows) {
    }

    /**
     * One floor into an empty database: its time, and the rows it wrote besides the operators. Its tables are the
     * ones below, or with {@code migrations} the instance's own (its migrations run first, untimed).
     */
    private static Timed run(String url, int users, int profiles, boolean required, List<Path> migrations)
            throws Exception {
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            if (migrations != null) {
                try (Statement ddl = db.createStatement()) {
                    for (Path script : migrations) {
                        ddl.execute("runscript from '" + script.toAbsolutePath() + "'");
                    }
                    for (int j = 0; j < profiles; j++) {
                        ddl.execute("insert into security_group (id, internal_name, label, created_at, updated_at) "
                                + "values (" + j + ", 'group" + j + "', 'Bench " + j + "', now(), now())");
                    }
                    ddl.execute("insert into directory_sync_run (id, account, state, dry_run, started_by, started_at) "
                            + "values (1, 'bench', 'RUNNING', false, 'bench', now())");
                }
                return insert(db, users, profiles, required, true);
            }
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table operator (id bigint primary key, name varchar(128) not null unique, "
                        + "origin varchar(64) not null, subject varchar(255), created_at timestamp with time zone, "
                        + "updated_at timestamp with time zone)");
                ddl.execute("create table security_group (id bigint primary key, internal_name varchar(64))");
                ddl.execute("create table membership (operator_id bigint not null references operator (id), "
                        + "group_id bigint not null references security_group (id), source varchar(8) not null, "
                        + "created_at timestamp with time zone not null, primary key (operator_id, group_id, source))");
                ddl.execute("create table directory_sync_change (run_id bigint not null, seq integer not null, "
                        + "kind varchar(16) not null, operator varchar(128), subject varchar(255), email varchar(320), "
                        + "added varchar(4000) not null, removed varchar(4000) not null, suspension varchar(32), "
                        + "reason varchar(4000) not null, primary key (run_id, seq))");
                ddl.execute("create index ix_directory_sync_change_operator on directory_sync_change (operator)");
                ddl.execute("create table audit_event (id bigint generated by default as identity primary key, "
                        + "occurred_at timestamp with time zone not null, actor varchar(128) not null, "
                        + "action varchar(64) not null, target_type varchar(64) not null, target varchar(255) not null, "
                        + "before_state text, after_state text)");
                ddl.execute("create index ix_audit_event_occurred_at on audit_event (occurred_at)");
                for (int j = 0; j < profiles; j++) {
                    ddl.execute("insert into security_group values (" + j + ", 'group" + j + "')");
                }
            }
            return insert(db, users, profiles, required, false);
        }
    }

    /** The timed part: the rows, in batches, a commit every 5,000 users; with {@code email} operators have one. */
    private static Timed insert(Connection db, int users, int profiles, boolean required, boolean email)
            throws Exception {
        db.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        long start = System.nanoTime();
        long rows = 0;
        try (PreparedStatement operator = db.prepareStatement(email
                ? "insert into operator (id, name, origin, subject, created_at, updated_at, email) "
                        + "values (?, ?, 'bench', ?, ?, ?, ?)"
                : "insert into operator (id, name, origin, subject, created_at, updated_at) "
                        + "values (?, ?, 'bench', ?, ?, ?)");
                PreparedStatement membership = db.prepareStatement(
                        "insert into membership (operator_id, group_id, source, created_at) values (?, ?, 'MASK', ?)");
                PreparedStatement change = db.prepareStatement("insert into directory_sync_change (run_id, seq, "
                        + "kind, subject, email, added, removed, reason) values (1, ?, 'CREATE', ?, ?, ?, '', ?)");
                PreparedStatement audit = db.prepareStatement("insert into audit_event (occurred_at, actor, "
                        + "action, target_type, target, after_state) values (?, 'system', 'operator.created', "
                        + "'operator', ?, ?)")) {
            for (int i = 0; i < users; i++) {
                String name = "user" + i + "@bench.example";
                String subject = String.format("%024X@AdobeID", i);
                operator.setLong(1, i);
                operator.setString(2, name);
                operator.setString(3, subject);
                operator.setTimestamp(4, now);
                operator.setTimestamp(5, now);
                if (email) {
                    operator.setString(6, name);
                }
                operator.addBatch();
                // The sandbox generator: user i holds profile i mod M, every third user also i+1 mod M.
                String groups = "group" + (i % profiles);
                rows += add(membership, i, i % profiles, now);
                if (i % 3 == 0 && profiles > 1) {
                    rows += add(membership, i, (i + 1) % profiles, now);
                    groups += "\ngroup" + ((i + 1) % profiles);
                }
                if (required) {
                    change.setInt(1, i);
                    change.setString(2, subject);
                    change.setString(3, name);
                    change.setString(4, groups);
                    change.setString(5, "Created ahead of the first sign-in: the groups "
                            + groups.replace("\n", ", ") + ".");
                    change.addBatch();
                    audit.setTimestamp(1, now);
                    audit.setString(2, name);
                    audit.setString(3, "{\"origin\":\"bench\",\"technical\":false,\"subject\":\"" + subject
                            + "\",\"name\":\"" + name + "\",\"email\":\"" + name + "\",\"directorySyncRun\":1,"
                            + "\"groups\":[\"" + groups.replace("\n", "\",\"") + "\"]}");
                    audit.addBatch();
                    rows += 2;
                }
                if (i % 5000 == 4999) {
                    operator.executeBatch();
                    membership.executeBatch();
                    change.executeBatch();
                    audit.executeBatch();
                    db.commit();
                }
            }
            operator.executeBatch();
            membership.executeBatch();
            change.executeBatch();
            audit.executeBatch();
            db.commit();
        }
        return new Timed((System.nanoTime() - start) / 1e9, rows);
    }

    private static int add(PreparedStatement membership, int user, int group, Timestamp now) throws Exception {
        membership.setLong(1, user);
        membership.setLong(2, group);
        membership.setTimestamp(3, now);
        membership.addBatch();
        return 1;
    }
}
