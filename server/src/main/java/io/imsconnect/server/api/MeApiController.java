package io.imsconnect.server.api;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.operator.OperatorView;

@RestController
class MeApiController {

    private final OperatorService operators;

    MeApiController(OperatorService operators) {
        this.operators = operators;
    }

    /** The caller: operator, groups with their source, and rights. */
    @GetMapping("/api/v1/me")
    OperatorView me(Authentication authentication) {
        return operators.get(authentication.getName());
    }
}
