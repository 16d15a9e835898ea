package io.imsconnect.sandbox.faults;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the request-level faults (down, slow, UMAPI errors) before anything else, security included, so they look
 * like an IMS or UMAPI that is unwell rather than one that refuses the caller.
 */
public final class FaultFilter extends OncePerRequestFilter {

    private final FaultSwitches switches;

    public FaultFilter(FaultSwitches switches) {
        this.switches = switches;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean ims = path.startsWith("/ims/");
        boolean umapi = path.startsWith("/v2/usermanagement/");
        if (!ims && !umapi) {
            chain.doFilter(request, response);
            return;
        }
        Faults faults = switches.current();
        if (faults.down()) {
            error(response, 503, "service_unavailable");
            return;
        }
        if (umapi) {
            pause(faults.umapiDelayMillis());
            if (faults.umapiStatus() != 0 && page(path) >= faults.umapiFromPage()) {
                if (faults.umapiStatus() == 429) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(faults.umapiRetryAfterSeconds()));
                }
                error(response, faults.umapiStatus(), "error.sandbox.fault");
                return;
            }
        }
        else if (path.endsWith("/token/v3")) {
            pause(faults.tokenDelayMillis());
        }
        else if (path.endsWith("/profile/v1") || path.endsWith("/organizations/v6") || path.endsWith("/userinfo/v2")) {
            pause(faults.profileDelayMillis());
        }
        chain.doFilter(request, response);
    }

    /** The page of {@code /v2/usermanagement/{users|groups}/{orgId}/{page}[/…]}; 0 for anything else. */
    private static int page(String path) {
        String[] segments = path.split("/");
        return segments.length > 5 && segments[5].chars().allMatch(Character::isDigit) && !segments[5].isEmpty()
                ? Integer.parseInt(segments[5]) : 0;
    }

    private static void error(HttpServletResponse response, int status, String code) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error_code\":\"" + code + "\",\"result\":\"" + code + "\"}");
    }

    private static void pause(long millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying the answer", ex);
        }
    }
}
