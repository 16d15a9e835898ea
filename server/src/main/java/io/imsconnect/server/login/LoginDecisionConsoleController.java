package io.imsconnect.server.login;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginDecisionConsoleController {

    private final LoginDecisionService decisions;

    LoginDecisionConsoleController(LoginDecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/admin/login-decisions")
    String list(@RequestParam(required = false) LoginOutcome outcome, @RequestParam(required = false) String operator,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, Model model) {
        String who = operator == null || operator.isBlank() ? null : operator.trim();
        model.addAttribute("outcomes", LoginOutcome.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("operator", who);
        model.addAttribute("decisions", decisions.find(new LoginDecisionQuery(outcome, who, null, from, to, 200)));
        return "login-decisions";
    }
}
