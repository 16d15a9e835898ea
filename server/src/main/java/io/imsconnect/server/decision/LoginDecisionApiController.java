package io.imsconnect.server.decision;

import io.imsconnect.core.access.Outcome;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.server.errors.Instants;
import io.imsconnect.server.errors.Limits;
import io.imsconnect.server.errors.NotFoundException;

@RestController
@RequestMapping("/api/v1/login-decisions")
class LoginDecisionApiController {

    private final LoginDecisionService decisions;

    LoginDecisionApiController(LoginDecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    List<LoginDecision> list(@RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) String operator, @RequestParam(required = false) String account,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Instants.checkFromTo(from, to);
        return decisions.find(new LoginDecisionQuery(outcome, operator, account, from, to, Limits.check(limit), offset));
    }

    @GetMapping("/{id}")
    LoginDecision get(@PathVariable String id) {
        return decisions.find(id).orElseThrow(() -> new NotFoundException("login decision", id));
    }
}
