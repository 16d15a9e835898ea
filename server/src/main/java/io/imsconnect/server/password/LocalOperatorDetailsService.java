package io.imsconnect.server.password;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import io.imsconnect.server.operator.LocalCredentials;
import io.imsconnect.server.operator.OperatorService;

/** Local (password) operators for form login and HTTP Basic; their authorities are their rights. */
final class LocalOperatorDetailsService implements UserDetailsService {

    private final OperatorService operators;

    LocalOperatorDetailsService(OperatorService operators) {
        this.operators = operators;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LocalCredentials credentials = operators.localCredentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No local operator"));
        return User.withUsername(credentials.name())
                .password(credentials.passwordHash())
                .disabled(credentials.disabled())
                .authorities(credentials.rights().toArray(String[]::new))
                .build();
    }
}
