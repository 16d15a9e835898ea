package io.imsconnect.server.password;

import java.util.concurrent.Semaphore;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login for local operators, behind {@link LoginThrottle}. Every refusal is the same
 * {@link BadCredentialsException}: no hint whether the name, the password, a disabled account or a hold
 * was the reason. A delayed check holds a server thread for its delay, so only a few may wait at once; one
 * more is refused unchecked (and not counted) rather than let guessers take every thread.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "Bad credentials";

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Semaphore delayed;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, int maxDelayedChecks) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.delayed = new Semaphore(maxDelayedChecks);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        LoginThrottle.Verdict verdict = throttle.before(account, address);
        if (verdict.held()) {
            throw new BadCredentialsException(REFUSED);
        }
        if (!verdict.delay().isZero()) {
            waitFor(verdict);
        }
        try {
            Authentication authenticated = delegate.authenticate(authentication);
            throttle.succeeded(account, address);
            return authenticated;
        } catch (AuthenticationException refused) {
            throttle.failed(account, address);
            throw new BadCredentialsException(REFUSED, refused);
        }
    }

    private void waitFor(LoginThrottle.Verdict verdict) {
        if (!delayed.tryAcquire()) {
            throw new BadCredentialsException(REFUSED);
        }
        try {
            Thread.sleep(verdict.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadCredentialsException(REFUSED);
        } finally {
            delayed.release();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
