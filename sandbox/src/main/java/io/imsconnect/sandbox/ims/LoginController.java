package io.imsconnect.sandbox.ims;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sandbox's sign-in page; Spring Security's form login handles the POST.
 */
@Controller
class LoginController {

    @GetMapping(AuthorizationServerConfiguration.LOGIN_PAGE)
    String login() {
        return "login";
    }
}
