package io.imsconnect.server.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.server.errors.Instants;
import io.imsconnect.server.errors.Limits;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditApiController {

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditEvent> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) String target, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Instants.checkFromTo(from, to);
        return audit.find(new AuditQuery(actor, action, targetType, target, from, to, Limits.check(limit), offset));
    }
}
