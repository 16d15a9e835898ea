package io.imsconnect.server.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.provider.IdentityProviderException;
import io.imsconnect.server.provider.ProviderTypes;

/**
 * The sign-in page (local form and one button per enabled external account) and the start of an external
 * sign-in; {@link RefusalPageController} says why one did not end in access.
 */
@Controller
class LoginPageController {

    private final AccountService accounts;
    private final ProviderTypes types;
    private final LoginDecisionService decisions;

    LoginPageController(AccountService accounts, ProviderTypes types, LoginDecisionService decisions) {
        this.accounts = accounts;
        this.types = types;
        this.decisions = decisions;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String returnTo, Model model, CsrfToken csrf) {
        // The form's CSRF token lives in the session, created here before the page is written: with many
        // accounts the page outgrows the response buffer, and a session created once the response is committed
        // would never reach the browser (no cookie, no token: local sign-in, break-glass included, answers 403).
        csrf.getToken();
        model.addAttribute("accounts", accounts.enabled());
        model.addAttribute("returnTo", LoginSuccessHandler.isLocalPath(returnTo) ? returnTo : null);
        return "login";
    }

    /**
     * Checks that the provider answers before sending the browser to it, so a provider that is down gives a
     * page of ours that says so, not an error page of the browser's. The check reads discovery now, not from
     * the cache, which would still hold a provider that went down minutes ago. A failure here is counted and
     * sampled, not recorded each time: anyone can cause it. {@code prompt=login} asks the provider for its sign-in
     * form even when the browser is still signed in there ("Sign in with another Adobe ID" on the refusal page).
     */
    @GetMapping("/login/start/{account}")
    String start(@PathVariable String account, @RequestParam(required = false) String returnTo,
            @RequestParam(required = false) String prompt, HttpServletRequest request) {
        if (LoginSuccessHandler.isLocalPath(returnTo)) {
            request.getSession().setAttribute(LoginSuccessHandler.RETURN_TO_ATTRIBUTE, returnTo);
        } else if (request.getSession(false) != null) {
            request.getSession(false).removeAttribute(LoginSuccessHandler.RETURN_TO_ATTRIBUTE);
        }
        AccountSettings settings = accounts.find(account).filter(AccountSettings::enabled).orElse(null);
        if (settings == null) {
            // Not recorded: anyone can type such an address, and it names no sign-in to diagnose.
            return "redirect:/login?unknownAccount";
        }
        try {
            types.freshDiscovery(settings);
        } catch (IdentityProviderException unavailable) {
            RefusalPageController.remember(request.getSession(), decisions.recordUnanswered(settings.internalName(),
                    LoginFailureHandler.reasonCode(unavailable), LoginFailureHandler.reason(unavailable)).id(),
                    Refusal.of(unavailable));
            return "redirect:" + RefusalPageController.PAGE;
        }
        return "redirect:" + AuthorizationRequests.BASE_URI + "/" + settings.internalName()
                + (AuthorizationRequests.PROMPT_LOGIN.equals(prompt) ? "?prompt=" + AuthorizationRequests.PROMPT_LOGIN
                        : "");
    }
}
