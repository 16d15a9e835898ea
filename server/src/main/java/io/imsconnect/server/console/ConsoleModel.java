package io.imsconnect.server.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.imsconnect.server.group.Rights;

/**
 * What every console page's layout needs: who is signed in, whether to show the administration, and which
 * navigation entry is the current page.
 */
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

    /**
     * The navigation entry the page belongs to ({@code accounts} for {@code /admin/accounts/…}, {@code home} for
     * the dashboard), for the layout to mark with {@code aria-current="page"}.
     */
    @ModelAttribute("navSection")
    String navSection(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/admin/")) {
            return "/".equals(path) ? "home" : null;
        }
        String rest = path.substring("/admin/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
                : authentication;
    }
}
