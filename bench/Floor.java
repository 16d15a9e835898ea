import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The floor of the directory-sync benchmark: the membership rows a first run writes, inserted with raw JDBC
 * batches into an empty database of the same kind (operator and membership tables as V1 has them), with nothing
 * else: no HTTP, no plan, no audit. Prints users per second.
 *
 * <p>java -cp h2.jar bench/Floor.java JDBC_URL USERS PROFILES
 */
public final class Floor {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        int profiles = Integer.parseInt(args[2]);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table operator (id bigint primary key, name varchar(128) not null unique, "
                        + "origin varchar(64) not null, subject varchar(255), created_at timestamp with time zone, "
                        + "updated_at timestamp with time zone)");
                ddl.execute("create table security_group (id bigint primary key, internal_name varchar(64))");
                ddl.execute("create table membership (operator_id bigint not null references operator (id), "
                        + "group_id bigint not null references security_group (id), source varchar(8) not null, "
                        + "created_at timestamp with time zone not null, primary key (operator_id, group_id, source))");
                for (int j = 0; j < profiles; j++) {
                    ddl.execute("insert into security_group values (" + j + ", 'group" + j + "')");
                }
            }
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long start = System.nanoTime();
            long rows = 0;
            try (PreparedStatement operator = db.prepareStatement(
                    "insert into operator (id, name, origin, subject, created_at, updated_at) values (?, ?, 'bench', ?, ?, ?)");
                    PreparedStatement membership = db.prepareStatement(
                            "insert into membership (operator_id, group_id, source, created_at) values (?, ?, 'MASK', ?)")) {
                for (int i = 0; i < users; i++) {
                    operator.setLong(1, i);
                    operator.setString(2, "user" + i + "@bench.example");
                    operator.setString(3, "user" + i);
                    operator.setTimestamp(4, now);
                    operator.setTimestamp(5, now);
                    operator.addBatch();
                    // The sandbox generator: user i holds profile i mod M, every third user also i+1 mod M.
                    rows += add(membership, i, i % profiles, now);
                    if (i % 3 == 0 && profiles > 1) {
                        rows += add(membership, i, (i + 1) % profiles, now);
                    }
                    if (i % 5000 == 4999) {
                        operator.executeBatch();
                        membership.executeBatch();
                        db.commit();
                    }
                }
                operator.executeBatch();
                membership.executeBatch();
                db.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("floor: %d users, %d membership rows in %.2f s = %.0f users/s%n", users, rows, seconds,
                    users / seconds);
        }
    }

    private static int add(PreparedStatement membership, int user, int group, Timestamp now) throws Exception {
        membership.setLong(1, user);
        membership.setLong(2, group);
        membership.setTimestamp(3, now);
        membership.addBatch();
        return 1;
    }
}
