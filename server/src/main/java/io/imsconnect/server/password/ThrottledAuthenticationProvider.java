package io.imsconnect.server.password;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login for local operators, behind {@link LoginThrottle}. Every refusal is the same
 * {@link BadCredentialsException}: no hint whether the name, the password, a disabled account or a block
 * was the reason.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "Bad credentials";

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (throttle.isBlocked(account, address)) {
            throw new BadCredentialsException(REFUSED);
        }
        try {
            Authentication authenticated = delegate.authenticate(authentication);
            throttle.succeeded(account);
            return authenticated;
        } catch (AuthenticationException refused) {
            throttle.failed(account, address);
            throw new BadCredentialsException(REFUSED, refused);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
