package io.imsconnect.server.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.imsconnect.server.group.Rights;
import io.imsconnect.server.operator.OperatorService;

@Controller
class HomeController {

    private final OperatorService operators;
    private final Dashboard dashboard;

    HomeController(OperatorService operators, Dashboard dashboard) {
        this.operators = operators;
        this.dashboard = dashboard;
    }

    /** Everyone sees who they are; administrators also see the dashboard (accounts, refusals, set-up steps). */
    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("me", operators.get(authentication.getName()));
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> Rights.ADMIN.equals(a.getAuthority()));
        if (admin) {
            model.addAttribute("accountStates", dashboard.accounts());
            model.addAttribute("refusals", dashboard.recentRefusals());
            model.addAttribute("refusalsSince", dashboard.since());
            model.addAttribute("setup", dashboard.setup());
        }
        return "home";
    }
}
