package io.imsconnect.server.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditConsoleController {

    private final AuditService audit;

    AuditConsoleController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, Model model) {
        String filter = actor == null || actor.isBlank() ? null : actor.trim();
        model.addAttribute("actor", filter);
        model.addAttribute("events", audit.find(new AuditQuery(filter, null, null, null, null, 200)));
        return "audit/list";
    }
}
