package io.imsconnect.server.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.imsconnect.server.group.Rights;

/** What every console page's layout needs: who is signed in and whether to show the administration. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

    @ModelAttribute("currentOperator")
    String currentOperator() {
        Authentication authentication = signedIn();
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin() {
        Authentication authentication = signedIn();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Rights.ADMIN.equals(authority.getAuthority()));
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
                : authentication;
    }
}
