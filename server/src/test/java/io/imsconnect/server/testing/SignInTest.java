package io.imsconnect.server.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A test of sign-in through external accounts against the sandbox IMS over real HTTP: loopback http allowed,
 * a short read timeout so "provider too slow" is quick to provoke, and no discovery cache so "provider down"
 * shows at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@InstanceTest
@TestPropertySource(properties = { "imsconnect.security.allow-insecure-loopback=true",
        "imsconnect.login.read-timeout=4s", "imsconnect.login.discovery-cache-ttl=0s" })
public @interface SignInTest {
}
