import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bearer-token flood benchmark (issue 10): invalid tokens must neither fill the login decisions nor slow
 * valid callers. Run by bench/token-flood, which starts the sandbox and the instance; prints figures, asserts
 * nothing. Usage: java TokenFlood.java SERVER_URL IMS_URL ADMIN_PASSWORD SECONDS FLOOD_THREADS
 */
public class TokenFlood {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String server = args[0], ims = args[1], admin = args[2];
        int seconds = Integer.parseInt(args[3]), threads = Integer.parseInt(args[4]);
        String valid = token(ims);
        get(server + "/api/v1/me", "Bearer " + valid);
        long before = decisions(server, admin);

        List<Long> quiet = latencies(server, valid, 200);
        AtomicLong garbage = new AtomicLong(), forged = new AtomicLong(), refused = new AtomicLong();
        ExecutorService flood = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            flood.submit(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    i++;
                    // half garbage, half well-formed IMS-looking JWTs of the allowed client that IMS must refuse
                    boolean jwt = (i + thread) % 2 == 0;
                    String bad = jwt ? forgedImsToken(thread + "-" + i) : "garbage-" + thread + "-" + i;
                    int status = get(server + "/api/v1/me", "Bearer " + bad);
                    (jwt ? forged : garbage).incrementAndGet();
                    if (status == 401) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(500);
        List<Long> loaded = new ArrayList<>();
        while (System.nanoTime() < end - TimeUnit.MILLISECONDS.toNanos(200)) {
            loaded.addAll(latencies(server, valid, 20));
        }
        flood.shutdown();
        flood.awaitTermination(30, TimeUnit.SECONDS);
        long after = decisions(server, admin);

        long sent = garbage.get() + forged.get();
        System.out.printf("flood: %d bad tokens in %d s (%.0f/s) from %d threads: %d garbage, %d forged JWTs; %d answered 401%n",
                sent, seconds, sent / (double) seconds, threads, garbage.get(), forged.get(), refused.get());
        System.out.printf("login decisions recorded during the flood: %d%n", after - before);
        System.out.printf("valid caller, quiet:  %s%n", summary(quiet));
        System.out.printf("valid caller, flood:  %s%n", summary(loaded));
    }

    static List<Long> latencies(String server, String token, int n) {
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            int status = get(server + "/api/v1/me", "Bearer " + token);
            if (status != 200) {
                throw new IllegalStateException("the valid token answered " + status);
            }
            result.add(System.nanoTime() - start);
        }
        return result;
    }

    static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("%d calls, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", sorted.size(), ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 0.99));
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
    }

    static String forgedImsToken(String id) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"type\":\"access_token\",\"client_id\":\"acme-scripts\",\"user_id\":\"x" + id
                + "@techacct.adobe.com\",\"created_at\":\"" + System.currentTimeMillis()
                + "\",\"expires_in\":\"86400000\"}";
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static String token(String ims) throws Exception {
        String basic = Base64.getEncoder().encodeToString("acme-scripts:scripts-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ims + "/ims/token/v3"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=openid,AdobeID,"
                        + "read_organizations,additional_info.projectedProductContext")).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static long decisions(String server, String admin) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + admin).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server
                + "/api/v1/login-decisions?limit=1000")).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body().split("\"outcome\"", -1).length - 1;
    }

    static int get(String url, String authorization) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
