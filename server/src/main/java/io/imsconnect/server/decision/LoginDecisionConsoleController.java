package io.imsconnect.server.decision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.server.errors.ConsoleFilters;
import io.imsconnect.server.errors.FormErrors;
import io.imsconnect.server.storage.Page;

@Controller
class LoginDecisionConsoleController {

    private final LoginDecisionService decisions;

    LoginDecisionConsoleController(LoginDecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * The decisions, newest first, a page at a time with the total, filtered as the API filters them (outcome,
     * who: operator, e-mail or subject, account, from and to); or the one decision a refusal page named, by its
     * reference.
     */
    @GetMapping("/admin/login-decisions")
    String list(@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String operator,
            @RequestParam(required = false) String account, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String reference,
            @RequestParam(required = false) Integer offset, Model model) {
        String who = ConsoleFilters.text(operator);
        String ref = ConsoleFilters.text(reference);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant since = ConsoleFilters.instant("from", from, errors);
        Instant until = ConsoleFilters.instant("to", to, errors);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("operator", who);
        model.addAttribute("account", ConsoleFilters.text(account));
        model.addAttribute("from", ConsoleFilters.text(from));
        model.addAttribute("to", ConsoleFilters.text(to));
        model.addAttribute("reference", ref);
        Page<LoginDecision> page;
        if (!errors.isEmpty()) {
            model.addAttribute(FormErrors.ATTRIBUTE, errors);
            page = new Page<>(List.of(), 0, 0, ConsoleFilters.PAGE_SIZE);
        } else if (ref != null) {
            List<LoginDecision> found = decisions.find(ref).map(List::of).orElse(List.of());
            page = new Page<>(found, found.size(), 0, ConsoleFilters.PAGE_SIZE);
        } else {
            page = decisions.page(new LoginDecisionQuery(outcome, who, ConsoleFilters.text(account), since, until,
                    ConsoleFilters.PAGE_SIZE, ConsoleFilters.offset(offset)));
        }
        model.addAttribute("page", page);
        model.addAttribute("decisions", page.rows());
        return "login-decisions";
    }
}
