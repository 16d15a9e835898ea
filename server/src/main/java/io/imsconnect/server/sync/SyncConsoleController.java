package io.imsconnect.server.sync;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FormErrors;

/** Administration › Access management › Directory sync: runs, their changes, run now, dry run, apply or discard. */
@Controller
@RequestMapping("/admin/directory-sync")
class SyncConsoleController {

    private static final int PAGE = 100;

    private final DirectorySync sync;

    SyncConsoleController(DirectorySync sync) {
        this.sync = sync;
    }

    @GetMapping
    String list(@RequestParam(required = false) String account, @RequestParam(required = false) RunState state,
            @RequestParam(required = false) String operator, Model model) {
        model.addAttribute("runs", sync.list(blankToNull(account), state, blankToNull(operator), 200));
        model.addAttribute("accounts", sync.readableAccounts());
        model.addAttribute("states", RunState.values());
        model.addAttribute("account", account);
        model.addAttribute("state", state);
        model.addAttribute("operator", operator);
        return "sync/list";
    }

    @PostMapping("/start")
    String start(@RequestParam String account, @RequestParam(defaultValue = "false") boolean dryRun, Model model,
            RedirectAttributes redirect) {
        try {
            SyncRun run = sync.start(account, dryRun, AuditService.currentActor());
            redirect.addAttribute("id", run.id());
            return "redirect:/admin/directory-sync/{id}";
        } catch (ConflictException refused) {
            FormErrors.show(model, refused);
            return list(null, null, null, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) String operator, Model model) {
        int from = Math.max(0, offset);
        model.addAttribute("run", sync.get(id));
        model.addAttribute("changes", sync.changes(id, blankToNull(operator), from, PAGE));
        model.addAttribute("offset", from);
        model.addAttribute("page", PAGE);
        model.addAttribute("operator", operator);
        return "sync/detail";
    }

    @PostMapping("/{id}/apply")
    String apply(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return decide(id, model, redirect, "sync.appliedFlash", true);
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return decide(id, model, redirect, "sync.discardedFlash", false);
    }

    private String decide(long id, Model model, RedirectAttributes redirect, String message, boolean apply) {
        try {
            if (apply) {
                sync.apply(id);
            } else {
                sync.discard(id);
            }
        } catch (ConflictException refused) {
            FormErrors.show(model, refused);
            return detail(id, 0, null, model);
        }
        redirect.addFlashAttribute("message", message);
        redirect.addAttribute("id", id);
        return "redirect:/admin/directory-sync/{id}";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
