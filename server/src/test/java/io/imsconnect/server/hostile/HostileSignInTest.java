package io.imsconnect.server.hostile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.SignInTest;

/**
 * A {@link SignInTest} for attacks that need no slow provider: the identity provider gets 10 s to answer instead
 * of 4 s, so the first sign-in against a sandbox that has only just started, on a loaded machine, is not refused
 * as "did not answer in time" (seen on the shared 2-core machine). The classes so marked share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SignInTest
@TestPropertySource(properties = "imsconnect.login.read-timeout=10s")
@interface HostileSignInTest {
}
