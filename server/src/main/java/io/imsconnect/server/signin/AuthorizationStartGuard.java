package io.imsconnect.server.signin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.errors.LogText;
import io.imsconnect.server.provider.IdentityProviderException;

/**
 * In front of Spring Security's {@code /oauth2/authorization/{account}}, which answers a name without an
 * enabled account, or a provider whose discovery cannot be read, with a 500 and a stack trace in the log
 * (issue 13 item 6). An unknown name goes back to the sign-in page with one short log line, the name escaped;
 * an unreadable provider ends on the refusal page with a counted failure, as at {@code /login/start}.
 */
final class AuthorizationStartGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStartGuard.class);
    private static final String PREFIX = AuthorizationRequests.BASE_URI + "/";

    private final ClientRegistrationRepository registrations;
    private final LoginDecisionService decisions;

    AuthorizationStartGuard(ClientRegistrationRepository registrations, LoginDecisionService decisions) {
        this.registrations = registrations;
        this.decisions = decisions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = UrlPathHelper.defaultInstance.getPathWithinApplication(request).substring(PREFIX.length());
        try {
            if (registrations.findByRegistrationId(account) == null) {
                log.warn("Sign-in start for {}: no enabled external account has that name", LogText.quote(account));
                response.sendRedirect(request.getContextPath() + "/login?unknownAccount");
                return;
            }
        } catch (IdentityProviderException unreadable) {
            RefusalPageController.remember(request.getSession(), decisions.recordUnanswered(account,
                    LoginFailureHandler.reasonCode(unreadable), LoginFailureHandler.reason(unreadable)).id(),
                    Refusal.of(unreadable));
            response.sendRedirect(request.getContextPath() + RefusalPageController.PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
