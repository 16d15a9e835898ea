package io.imsconnect.server.account;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.imsconnect.core.account.AccountType;
import io.imsconnect.server.system.ConflictException;
import io.imsconnect.server.system.FormErrors;
import io.imsconnect.server.system.InvalidInputException;
import io.imsconnect.server.system.NotFoundException;

/** Administration > Platform > External accounts. */
@Controller
@RequestMapping("/admin/accounts")
class AccountConsoleController {

    private final AccountService accounts;
    private final MaskPreviewService preview;

    AccountConsoleController(AccountService accounts, MaskPreviewService preview) {
        this.accounts = accounts;
        this.preview = preview;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.views());
        model.addAttribute("packageInstalled", accounts.isPackageInstalled());
        return "accounts/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, AccountForm.empty(), null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") AccountForm form, Model model, RedirectAttributes redirect) {
        String name = form.getInternalName() == null ? "" : form.getInternalName().strip();
        try {
            if (accounts.find(name).isPresent()) {
                throw new ConflictException("internalName", "duplicate", "an external account named '" + name
                        + "' already exists; choose another internal name or edit that account");
            }
            accounts.save(name, form.toRequest(name));
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            return refused(model, form, null);
        }
        redirect.addFlashAttribute("message", "account.created");
        return "redirect:/admin/accounts/" + name;
    }

    @GetMapping("/{internalName}")
    String edit(@PathVariable String internalName, Model model) {
        AccountView account = existing(internalName);
        return form(model, AccountForm.of(account), account);
    }

    @PostMapping("/{internalName}")
    String update(@PathVariable String internalName, @ModelAttribute("form") AccountForm form, Model model,
            RedirectAttributes redirect) {
        AccountView account = existing(internalName);
        try {
            accounts.save(internalName, form.toRequest(internalName));
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            return refused(model, form, account);
        }
        redirect.addFlashAttribute("message", "account.saved");
        return "redirect:/admin/accounts/" + internalName;
    }

    /** Tries the mask typed in the form on the profile names typed under it; saves nothing. */
    @PostMapping("/{internalName}/preview")
    String preview(@PathVariable String internalName, @ModelAttribute("form") AccountForm form, Model model) {
        AccountView account = accounts.findView(internalName).orElse(null);
        try {
            model.addAttribute("previewRows", preview.preview(new MaskPreviewRequest(
                    form.getAssociationMask(), form.isMaskIgnoresCase(), form.profileNames(), null)));
        } catch (InvalidInputException refused) {
            FormErrors.show(model, new InvalidInputException("associationMask", refused.violations().get(0).code(),
                    refused.violations().get(0).message()));
        }
        return refused(model, form, account);
    }

    @PostMapping("/{internalName}/test")
    String test(@PathVariable String internalName, Model model) {
        AccountView account = existing(internalName);
        try {
            model.addAttribute("report", accounts.testConnection(internalName));
        } catch (ConflictException refused) {
            FormErrors.show(model, refused);
        }
        return form(model, AccountForm.of(account), account);
    }

    @PostMapping("/{internalName}/delete")
    String delete(@PathVariable String internalName, RedirectAttributes redirect) {
        accounts.delete(internalName);
        redirect.addFlashAttribute("message", "account.deleted");
        return "redirect:/admin/accounts";
    }

    private AccountView existing(String internalName) {
        return accounts.findView(internalName)
                .orElseThrow(() -> new NotFoundException("external account", internalName));
    }

    private String refused(Model model, AccountForm form, AccountView account) {
        model.addAttribute("secretNotKept", form.secretTyped());
        return form(model, form.withoutSecrets(), account);
    }

    private String form(Model model, AccountForm form, AccountView account) {
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("creating", account == null);
        model.addAttribute("types", List.of(AccountType.ADOBE_IMS.id(), AccountType.OIDC.id()));
        model.addAttribute("packageInstalled", accounts.isPackageInstalled());
        return "accounts/form";
    }
}
