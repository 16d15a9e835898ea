package io.imsconnect.sandbox.ims;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code prompt=login} (OIDC Core §3.1.2.1): the user must sign in again even with a live sandbox session. The first
 * time such a request arrives, the session is dropped, which sends the user to the sign-in page; a marker in the new
 * session lets the same request through once it is replayed after that sign-in.
 */
final class PromptLoginFilter extends OncePerRequestFilter {

    private static final String REAUTHENTICATING = PromptLoginFilter.class.getName() + ".REAUTHENTICATING";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getRequestURI().endsWith("/authorize/v2") && hasPromptLogin(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(REAUTHENTICATING) != null) {
            session.removeAttribute(REAUTHENTICATING);
        }
        else if (signedIn()) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            request.getSession(true).setAttribute(REAUTHENTICATING, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    private static boolean hasPromptLogin(HttpServletRequest request) {
        String prompt = request.getParameter("prompt");
        if (prompt == null) {
            return false;
        }
        for (String value : prompt.split(" ")) {
            if ("login".equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
