package io.imsconnect.server.signin;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After sign-in, back to the page asked for, but only to a path on this instance (no open redirect): the saved
 * request's path and query, never its host, which came from the request's {@code Host} header (a session planted
 * in a victim's browser keeps the page it asked for through the sign-in; docs/security/hostile-inputs.md). The
 * session, short-lived while anonymous, now lives as long as a signed-in one (docs/decisions/0012).
 */
final class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String RETURN_TO_ATTRIBUTE = LoginSuccessHandler.class.getName() + ".returnTo";

    private final Duration signedIn;
    private final RequestCache requests = new HttpSessionRequestCache();

    LoginSuccessHandler(Duration signedIn) {
        this.signedIn = signedIn;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        request.getSession().setMaxInactiveInterval((int) signedIn.toSeconds());
        HttpSession session = request.getSession(false);
        Object returnTo = session == null ? null : session.getAttribute(RETURN_TO_ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(RETURN_TO_ATTRIBUTE);
        }
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
        }
        String path = returnTo instanceof String asked ? asked : saved == null ? null : pathOf(saved, request);
        clearAuthenticationAttributes(request);
        // The new CSRF token every console page needs (Spring Security replaced the anonymous one at sign-in and
        // creates it when first read): created now, it is stored with the signed-in session in this request's
        // write, and the landing page has nothing to write (docs/decisions/0022).
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken();
        }
        getRedirectStrategy().sendRedirect(request, response, isLocalPath(path) ? path : getDefaultTargetUrl());
    }

    /** The saved request's path (within this instance) and query, without its scheme and host. */
    private static String pathOf(SavedRequest saved, HttpServletRequest request) {
        URI uri = URI.create(saved.getRedirectUrl());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String context = request.getContextPath();
        String within = !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
        return uri.getRawQuery() == null ? within : within + "?" + uri.getRawQuery();
    }

    /**
     * A path on this instance: starts with one {@code /}, not {@code //} or {@code /\} (which browsers treat as
     * another host), and holds no scheme, control character or backslash.
     */
    static boolean isLocalPath(String path) {
        if (path == null || path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
