package io.imsconnect.server.signin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.imsconnect.server.token.ApiTokenRefused;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for API clients as {@code application/problem+json}, never a redirect to the login page. The
 * 401 names the schemes (Basic, Bearer) without saying what was wrong with a password; a refused bearer token
 * says why, with the recorded login decision's reference.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        if (refused instanceof ApiTokenRefused token) {
            // RFC 6750 §3.1: invalid_token for a token that names no one, insufficient access otherwise.
            if (token.status() == HttpStatus.UNAUTHORIZED.value()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            Map<String, Object> extra = token.decisionId() == null ? Map.of() : Map.of("decision", token.decisionId());
            write(request, response, HttpStatus.valueOf(token.status()), token.getMessage(), extra);
            return;
        }
        response.addHeader("WWW-Authenticate", "Basic realm=\"IMS Connect\"");
        response.addHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "Sign in: send a local operator's credentials with HTTP "
                + "Basic, an access token of an external account's provider (Authorization: Bearer), or use the "
                + "console session.", Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        write(request, response, HttpStatus.FORBIDDEN, safe ? "This needs the right 'admin'."
                : "This needs the right 'admin', and, when called with the console session, its CSRF token "
                        + "(header X-CSRF-TOKEN).", Map.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            Map<String, Object> extra) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
