package io.imsconnect.sandbox.umapi;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How an organization's users' pages were asked for, for tests: how many requests, and the most under way at once
 * (a client that reads ahead must still have one request in flight at a time). Counted ahead of the fault filter,
 * so a slowed or failed answer counts as the request it is. Reset by the admin endpoint.
 */
public final class UmapiCalls extends OncePerRequestFilter {

    private static final String USERS = "/v2/usermanagement/users/";

    private final Map<String, Counts> byOrg = new ConcurrentHashMap<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(USERS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rest = request.getRequestURI().substring(USERS.length());
        Counts counts = byOrg.computeIfAbsent(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest,
                org -> new Counts());
        counts.calls.incrementAndGet();
        counts.mostAtOnce.accumulateAndGet(counts.inFlight.incrementAndGet(), Math::max);
        try {
            chain.doFilter(request, response);
        } finally {
            counts.inFlight.decrementAndGet();
        }
    }

    /** {@code usersPages}: users' page requests since the last reset; {@code mostAtOnce}: the most at one time. */
    public Map<String, Integer> of(String orgId) {
        Counts counts = byOrg.getOrDefault(orgId, new Counts());
        return Map.of("usersPages", counts.calls.get(), "mostAtOnce", counts.mostAtOnce.get());
    }

    public void reset() {
        byOrg.clear();
    }

    private static final class Counts {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
    }
}
