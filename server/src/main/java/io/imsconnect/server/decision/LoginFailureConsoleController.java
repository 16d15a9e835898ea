package io.imsconnect.server.decision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.server.config.ImsConnectProperties;
import io.imsconnect.server.errors.ConsoleFilters;
import io.imsconnect.server.errors.FormErrors;

/**
 * Administration › Access management › Failed sign-ins: the counts of sign-ins that failed before the provider's
 * tokens came back, per account, reason and interval, with a link to each interval's sample decision.
 */
@Controller
class LoginFailureConsoleController {

    private final LoginDecisionService decisions;
    private final ImsConnectProperties properties;

    LoginFailureConsoleController(LoginDecisionService decisions, ImsConnectProperties properties) {
        this.decisions = decisions;
        this.properties = properties;
    }

    @GetMapping("/admin/login-failures")
    String list(@RequestParam(required = false) String account, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant since = ConsoleFilters.instant("from", from, errors);
        Instant until = ConsoleFilters.instant("to", to, errors);
        int skip = ConsoleFilters.offset(offset);
        model.addAttribute("account", account);
        model.addAttribute("reason", reason);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("offset", skip);
        model.addAttribute("page", ConsoleFilters.PAGE_SIZE);
        model.addAttribute("interval", interval());
        if (errors.isEmpty()) {
            LoginFailureQuery query = new LoginFailureQuery(ConsoleFilters.text(account),
                    ConsoleFilters.text(reason), since, until, skip, ConsoleFilters.PAGE_SIZE);
            model.addAttribute("failures", decisions.failures(query));
        } else {
            model.addAttribute(FormErrors.ATTRIBUTE, errors);
            model.addAttribute("failures", List.of());
        }
        return "decisions/failures";
    }

    /** The configured interval as an administrator writes it: {@code 1m}, not {@code PT1M}. */
    private String interval() {
        return properties.login().failureSampleInterval().toString().substring(2).toLowerCase();
    }
}
