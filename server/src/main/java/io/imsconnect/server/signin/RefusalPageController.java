package io.imsconnect.server.signin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.decision.LoginDecision;
import io.imsconnect.server.decision.LoginDecisionService;

/**
 * The page a sign-in through an external account ends on when it did not end in access: what happened in plain
 * words, the reference an administrator looks up in Login decisions, and a way to sign in with another identity.
 * It is keyed by a session attribute rather than a URL parameter, so a reference cannot be replayed by someone
 * else; it shows nothing of the recorded reason (docs/decisions/0020-refusal-pages.md).
 */
@Controller
class RefusalPageController {

    static final String PAGE = "/login/refused";

    private static final String DECISION_ATTRIBUTE = RefusalPageController.class.getName() + ".decision";
    private static final String REFUSAL_ATTRIBUTE = RefusalPageController.class.getName() + ".refusal";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final LoginDecisionService decisions;
    private final AccountService accounts;

    RefusalPageController(LoginDecisionService decisions, AccountService accounts) {
        this.decisions = decisions;
        this.accounts = accounts;
    }

    /** Remembers, in the browser's session, the decision and the words the refusal page shows next. */
    static void remember(HttpSession session, String decisionId, Refusal refusal) {
        session.setAttribute(DECISION_ATTRIBUTE, decisionId);
        session.setAttribute(REFUSAL_ATTRIBUTE, refusal.name());
    }

    @GetMapping(PAGE)
    String refused(HttpSession session, Model model) {
        Object id = session.getAttribute(DECISION_ATTRIBUTE);
        LoginDecision decision = id instanceof String ref ? decisions.find(ref).orElse(null) : null;
        if (decision == null) {
            return "redirect:/login";
        }
        Object remembered = session.getAttribute(REFUSAL_ATTRIBUTE);
        Refusal refusal = Arrays.stream(Refusal.values()).filter(kind -> kind.name().equals(remembered)).findFirst()
                .orElseGet(() -> Refusal.of(decision.outcome(), decision.perProfile()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("remedy", refusal.remedy().name());
        model.addAttribute("reference", decision.id());
        model.addAttribute("occurredAt", decision.occurredAt());
        model.addAttribute("occurredAtText", TIME.format(decision.occurredAt()));
        // Both offers start a sign-in again, so only through an account that is still enabled.
        accounts.find(decision.account()).filter(AccountSettings::enabled).ifPresent(account -> {
            model.addAttribute("account", account.internalName());
            model.addAttribute("accountType", account.type().id());
        });
        return "login-refused";
    }
}
