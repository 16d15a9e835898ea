package io.imsconnect.server.signin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times the sign-in callback as a whole: token exchange, ID-token check, profile reads and the decision. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CallbackTimerFilter extends OncePerRequestFilter {

    private final Timer timer;

    CallbackTimerFilter(MeterRegistry meters) {
        this.timer = Timer.builder("imsconnect.login.callback")
                .description("Time to handle the identity provider's redirect back to the instance")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + LoginFailureHandler.CALLBACK_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start();
        try {
            chain.doFilter(request, response);
        } finally {
            sample.stop(timer);
        }
    }
}
