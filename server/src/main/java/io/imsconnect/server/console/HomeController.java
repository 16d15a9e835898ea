package io.imsconnect.server.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.imsconnect.server.operator.OperatorService;

@Controller
class HomeController {

    private final OperatorService operators;

    HomeController(OperatorService operators) {
        this.operators = operators;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("me", operators.get(authentication.getName()));
        return "home";
    }
}
