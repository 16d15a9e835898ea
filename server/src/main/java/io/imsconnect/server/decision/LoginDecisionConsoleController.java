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
import io.imsconnect.server.errors.FormErrors;

@Controller
class LoginDecisionConsoleController {

    private final LoginDecisionService decisions;

    LoginDecisionConsoleController(LoginDecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * The decisions, newest first, filtered by outcome, by who (operator, e-mail or subject) and from a day or
     * instant; or the one decision a refusal page named, by its reference.
     */
    @GetMapping("/admin/login-decisions")
    String list(@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String operator,
            @RequestParam(required = false) String from, @RequestParam(required = false) String reference,
            Model model) {
        String who = ConsoleFilters.blankToNull(operator);
        String ref = ConsoleFilters.blankToNull(reference);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant since = ConsoleFilters.instant("from", from, errors);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("operator", who);
        model.addAttribute("from", from);
        model.addAttribute("reference", ref);
        if (!errors.isEmpty()) {
            model.addAttribute(FormErrors.ATTRIBUTE, errors);
            model.addAttribute("decisions", List.of());
        } else if (ref != null) {
            model.addAttribute("decisions", decisions.find(ref).map(List::of).orElse(List.of()));
        } else {
            model.addAttribute("decisions",
                    decisions.find(new LoginDecisionQuery(outcome, who, null, since, null, 200)));
        }
        return "login-decisions";
    }
}
