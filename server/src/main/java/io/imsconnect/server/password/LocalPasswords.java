package io.imsconnect.server.password;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.imsconnect.server.config.ImsConnectProperties;
import io.imsconnect.server.operator.OperatorService;

/**
 * Local password sign-in (the break-glass {@code admin} and other local operators), throttled by
 * {@link LoginThrottle}. Both filter chains share the one provider. Deliberately not an
 * {@code AuthenticationProvider} bean: Spring Security would also put it into the global authentication manager,
 * the parent of each chain's, and a refused password would then be checked, and counted by the throttle, twice.
 */
@Component
public class LocalPasswords {

    private final AuthenticationProvider provider;

    LocalPasswords(OperatorService operators, PasswordEncoder passwords, LoginThrottle throttle,
            ImsConnectProperties properties) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new LocalOperatorDetailsService(operators));
        dao.setPasswordEncoder(passwords);
        this.provider = new ThrottledAuthenticationProvider(dao, throttle,
                properties.security().maxDelayedChecks());
    }

    public AuthenticationProvider provider() {
        return provider;
    }
}
