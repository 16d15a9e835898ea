package io.imsconnect.server.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Just outside Spring Session's filter: gives each request its own record of the sessions it read, so that the
 * framework's second look-up of the same session in one request costs no query ({@link SparingSessions},
 * docs/decisions/0027). Registered by {@link SessionStoreConfig}.
 */
final class SessionReadsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (SparingSessions.RequestReads reads = SparingSessions.requestReads()) {
            chain.doFilter(request, response);
        }
    }
}
