package io.imsconnect.sandbox.ims;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sandbox's passwords and client secrets: plain text in the YAML file, {@code {noop}} says so, and they stay
 * so. Spring's delegating encoder asks to upgrade a {@code {noop}} value, and Spring Authorization Server then
 * stores the client secret re-hashed with BCrypt after its first use: every later token request paid a BCrypt
 * check, about 100 ms of CPU, which made the sandbox the largest cost of every sign-in benchmark on both sides
 * (issue 9, bench/RESULTS.md). Matching still goes through the delegating encoder, so a hashed value still works.
 */
final class PlainTextSecrets implements PasswordEncoder {

    private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(rawPassword, encodedPassword);
    }

    /** Never: a plain-text secret is not re-hashed after use. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }
}
