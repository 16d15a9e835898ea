package io.imsconnect.server.provider;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * At most {@code permits} calls wait on one provider host at once; one more fails at once with
 * {@link IdentityProviderException#busy}. A slow provider then holds a bounded number of the server's threads,
 * and health, local sign-in and the console keep theirs (issue 13 item 5). A host is the URL's scheme, host
 * and port: the hosts are those administrators configure and their discovery documents name, so the map stays
 * small.
 */
final class ProviderBulkhead {

    private final int permits;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    ProviderBulkhead(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("imsconnect.login.max-concurrent-calls-per-provider must be at least 1");
        }
        this.permits = permits;
    }

    /** Takes a place for a call to {@code uri}'s host, or throws at once when every place is taken. */
    Entry enter(URI uri) {
        String host = host(uri);
        Semaphore places = hosts.computeIfAbsent(host, h -> new Semaphore(permits));
        if (!places.tryAcquire()) {
            throw IdentityProviderException.busy(host);
        }
        return places::release;
    }

    /**
     * Whether more than half of the places for {@code uri}'s host are free: a call that only saves time (made at
     * the same time as another of the same sign-in) takes a place then, and is made in turn otherwise, so it never
     * takes the place a waiting sign-in needs. docs/decisions/0019-fast-sign-in.md.
     */
    boolean hasSpare(URI uri) {
        Semaphore places = hosts.get(host(uri));
        return places == null || places.availablePermits() > permits / 2;
    }

    /** For Spring's clients: the place is held until the answer's headers arrived (or the call failed). */
    ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            try (Entry entry = enter(request.getURI())) {
                return execution.execute(request, body);
            }
        };
    }

    /** A place taken; closing it gives it back. */
    interface Entry extends AutoCloseable {
        @Override
        void close();
    }

    private static String host(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
