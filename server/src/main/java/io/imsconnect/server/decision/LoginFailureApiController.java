package io.imsconnect.server.decision;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.server.errors.Instants;
import io.imsconnect.server.errors.Limits;

/**
 * The counts of failed sign-ins that never got the provider's tokens (forged callbacks, a provider down or busy),
 * per account, reason code and interval, newest first. Administrators only, as all of {@code /api/v1} but
 * {@code /version} and {@code /me}.
 */
@RestController
class LoginFailureApiController {

    private final LoginDecisionService decisions;

    LoginFailureApiController(LoginDecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/login-failures")
    List<LoginFailureCount> list(@RequestParam(required = false) String account,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        Instants.checkFromTo(from, to);
        return decisions.failures(new LoginFailureQuery(account, reason, from, to, Limits.checkOffset(offset),
                Limits.check(limit)));
    }
}
