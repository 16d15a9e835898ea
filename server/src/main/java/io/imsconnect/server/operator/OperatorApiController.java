package io.imsconnect.server.operator;

import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.server.errors.InvalidInputException;

@RestController
@RequestMapping("/api/v1/operators")
class OperatorApiController {

    private final OperatorService operators;

    OperatorApiController(OperatorService operators) {
        this.operators = operators;
    }

    @GetMapping
    List<OperatorView> list() {
        return operators.list();
    }

    @GetMapping("/{name}")
    OperatorView get(@PathVariable String name) {
        return operators.get(name);
    }

    /** Replaces the operator's MANUAL memberships; MASK memberships are not the administrator's to set. */
    @PutMapping("/{name}/groups")
    OperatorView setGroups(@PathVariable String name, @RequestBody GroupsRequest request) {
        if (request.groups() == null) {
            throw new InvalidInputException("groups", "required",
                    "is required: the list of group internal names this operator is a MANUAL member of");
        }
        return operators.setManualGroups(name, new LinkedHashSet<>(request.groups()));
    }

    @PostMapping("/{name}/disable")
    OperatorView disable(@PathVariable String name) {
        return operators.disable(name);
    }

    @PostMapping("/{name}/enable")
    OperatorView enable(@PathVariable String name) {
        return operators.enable(name);
    }
}
