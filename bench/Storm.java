import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The measurements of bench/attack: java -cp h2.jar bench/Storm.java SERVER SANDBOX ACCOUNT JDBC_URL.
 * 1. rows in spring_session (and those living past 15 minutes) and login_decision added by 1,000 anonymous
 *    requests of each kind;
 * 2. /actuator/health latency (p50, p99, max) while 400 callbacks with a valid state wait on a token endpoint
 *    slowed to 15 s, and how those callbacks ended.
 */
public class Storm {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(64)).connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String server = args[0], sandbox = args[1], account = args[2], db = args[3];
        try (Connection sql = DriverManager.getConnection(db, "sa", "")) {
            storage(sql, server, account, "/api/v1/me");
            storage(sql, server, account, "/oauth2/authorization/" + account);
            storage(sql, server, account, "/login/oauth2/code/" + account + "?code=forged&state=forged");
            storm(sql, server, sandbox, account);
        }
        System.exit(0); // the client's executor threads would keep the JVM, and bench/attack, waiting
    }

    static void storage(Connection sql, String server, String account, String path) throws Exception {
        long sessions = count(sql, "select count(*) from spring_session");
        long longLived = count(sql, "select count(*) from spring_session where expiry_time > "
                + (System.currentTimeMillis() + 15 * 60_000));
        long decisions = count(sql, "select count(*) from login_decision");
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sent.add(HTTP.sendAsync(get(server + path), HttpResponse.BodyHandlers.discarding()));
            if (sent.size() % 50 == 0) {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        System.out.printf("1,000 anonymous GET %-45s -> spring_session +%d rows (+%d living past 15 min), "
                + "login_decision +%d rows%n", path, count(sql, "select count(*) from spring_session") - sessions,
                count(sql, "select count(*) from spring_session where expiry_time > "
                        + (System.currentTimeMillis() + 15 * 60_000)) - longLived,
                count(sql, "select count(*) from login_decision") - decisions);
    }

    static void storm(Connection sql, String server, String sandbox, String account) throws Exception {
        List<String[]> starts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            HttpResponse<Void> start = HTTP.send(get(server + "/oauth2/authorization/" + account),
                    HttpResponse.BodyHandlers.discarding());
            String location = start.headers().firstValue("Location").orElseThrow();
            String state = location.replaceAll(".*[?&]state=([^&]+).*", "$1");
            String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("IMSCONNECT_SESSION="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            starts.add(new String[] { state, cookie });
        }
        HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/faults")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"tokenDelayMillis\":15000}")).build(),
                HttpResponse.BodyHandlers.discarding());
        long decisions = count(sql, "select count(*) from login_decision");
        AtomicBoolean storming = new AtomicBoolean(true);
        List<Long> health = Collections.synchronizedList(new ArrayList<>());
        Thread prober = new Thread(() -> {
            while (storming.get()) {
                long t0 = System.nanoTime();
                try {
                    HttpClient.newHttpClient().send(get(server + "/actuator/health"), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // a refused or failed probe still took this long
                }
                health.add((System.nanoTime() - t0) / 1_000_000);
                sleep(100);
            }
        });
        long t0 = System.nanoTime();
        List<CompletableFuture<Long>> callbacks = new ArrayList<>();
        for (String[] s : starts) {
            long sent = System.nanoTime();
            callbacks.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server + "/login/oauth2/code/" + account
                    + "?code=bench&state=" + s[0])).header("Cookie", s[1]).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding()).thenApply(r -> (System.nanoTime() - sent) / 1_000_000));
        }
        prober.start();
        List<Long> answered = new ArrayList<>();
        for (CompletableFuture<Long> c : callbacks) {
            answered.add(c.join());
        }
        storming.set(false);
        prober.join();
        HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        Collections.sort(answered);
        long fast = answered.stream().filter(ms -> ms < 2000).count();
        System.out.printf("400 concurrent callbacks, token endpoint 15 s: all answered after %d ms; %d in < 2 s "
                + "(callback p50 %d ms, max %d ms); login_decision +%d rows%n", (System.nanoTime() - t0) / 1_000_000,
                fast, pct(answered, 50), answered.get(answered.size() - 1),
                count(sql, "select count(*) from login_decision") - decisions);
        List<Long> h = new ArrayList<>(health);
        Collections.sort(h);
        System.out.printf("/actuator/health during the storm: %d probes, p50 %d ms, p99 %d ms, max %d ms%n", h.size(),
                pct(h, 50), pct(h, 99), h.get(h.size() - 1));
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
    }

    static long count(Connection sql, String query) throws Exception {
        try (ResultSet rs = sql.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
