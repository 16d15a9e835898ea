package io.imsconnect.sandbox.admin;

import java.io.IOException;
import java.net.InetAddress;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin endpoints change what the sandbox answers; only callers on this machine may use them. The sandbox binds
 * 127.0.0.1 by default, so this matters only when someone binds it wider.
 */
final class LoopbackOnlyFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/sandbox/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the remote address is a literal, so this does no name lookup
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
