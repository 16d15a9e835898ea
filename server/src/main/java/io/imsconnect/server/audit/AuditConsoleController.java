package io.imsconnect.server.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.server.errors.ConsoleFilters;
import io.imsconnect.server.errors.FormErrors;
import io.imsconnect.server.storage.Page;

@Controller
class AuditConsoleController {

    private final AuditService audit;

    AuditConsoleController(AuditService audit) {
        this.audit = audit;
    }

    /** The events, newest first, a page at a time with the total, filtered as the API filters them. */
    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String target,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer offset, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant since = ConsoleFilters.instant("from", from, errors);
        Instant until = ConsoleFilters.instant("to", to, errors);
        model.addAttribute("actor", ConsoleFilters.text(actor));
        model.addAttribute("action", ConsoleFilters.text(action));
        model.addAttribute("targetType", ConsoleFilters.text(targetType));
        model.addAttribute("target", ConsoleFilters.text(target));
        model.addAttribute("from", ConsoleFilters.text(from));
        model.addAttribute("to", ConsoleFilters.text(to));
        Page<AuditEvent> page;
        if (!errors.isEmpty()) {
            model.addAttribute(FormErrors.ATTRIBUTE, errors);
            page = new Page<>(List.of(), 0, 0, ConsoleFilters.PAGE_SIZE);
        } else {
            page = audit.page(new AuditQuery(ConsoleFilters.text(actor), ConsoleFilters.text(action),
                    ConsoleFilters.text(targetType), ConsoleFilters.text(target), since, until,
                    ConsoleFilters.PAGE_SIZE, ConsoleFilters.offset(offset)));
        }
        model.addAttribute("page", page);
        model.addAttribute("events", page.rows().stream().map(AuditDiff::of).toList());
        return "audit/list";
    }
}
