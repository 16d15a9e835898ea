package io.imsconnect.sandbox.ims;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * IMS takes {@code scope=openid,AdobeID,read_organizations}; OAuth 2.0 (RFC 6749 §3.3) separates scopes with spaces.
 * This turns commas into spaces in the {@code scope} parameter of the authorize and token requests, so that Spring
 * Authorization Server sees the standard form.
 */
final class CommaScopeFilter extends OncePerRequestFilter {

    private static final String SCOPE = "scope";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.endsWith("/authorize/v2") || path.endsWith("/token/v3"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] scopes = request.getParameterValues(SCOPE);
        if (scopes == null || scopes.length != 1 || scopes[0].indexOf(',') < 0) {
            chain.doFilter(request, response);
            return;
        }
        String normalized = String.join(" ", scopes[0].trim().split("[,\\s]+"));
        chain.doFilter(new ScopeRequest(request, normalized), response);
    }

    private static final class ScopeRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        ScopeRequest(HttpServletRequest request, String scope) {
            super(request);
            Map<String, String[]> copy = new LinkedHashMap<>(request.getParameterMap());
            copy.put(SCOPE, new String[] { scope });
            this.parameters = Collections.unmodifiableMap(copy);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
