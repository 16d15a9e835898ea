package io.imsconnect.server.account;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.imsconnect.core.account.AccountType;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FormErrors;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.operator.OperatorService;

import tools.jackson.databind.json.JsonMapper;

/** Administration > Platform > External accounts. */
@Controller
@RequestMapping("/admin/accounts")
class AccountConsoleController {

    private final AccountService accounts;
    private final AccountPages pages;
    private final JsonMapper json;
    private final OperatorService operators;

    AccountConsoleController(AccountService accounts, AccountPages pages, JsonMapper json,
            OperatorService operators) {
        this.accounts = accounts;
        this.pages = pages;
        this.json = json;
        this.operators = operators;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.views());
        model.addAttribute("packageInstalled", accounts.isPackageInstalled());
        return "accounts/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return pages.form(model, AccountForm.empty(), null);
    }

    @PostMapping("/new")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        String name = form.getFirst("internalName") == null ? "" : form.getFirst("internalName").strip();
        try {
            if (accounts.find(name).isPresent()) {
                throw new ConflictException("internalName", "duplicate", "an external account named '" + name
                        + "' already exists; choose another internal name or edit that account");
            }
            accounts.save(name, AccountForm.read(form, name, true, json));
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            return pages.refused(model, form, null);
        }
        redirect.addFlashAttribute("message", "account.created");
        return "redirect:/admin/accounts/" + name;
    }

    @GetMapping("/{internalName}")
    String edit(@PathVariable String internalName, Model model) {
        return pages.edit(model, internalName);
    }

    @PostMapping("/{internalName}")
    String update(@PathVariable String internalName, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        AccountView account = pages.existing(internalName);
        try {
            accounts.save(internalName, AccountForm.read(form, internalName, true, json));
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            return pages.refused(model, form, account);
        }
        // An account from the accounts file is saved too, but the file wins at the next start: say so, not "no restart".
        redirect.addFlashAttribute("message", account.declaredInFile() ? "account.savedFromFile" : "account.saved");
        return "redirect:/admin/accounts/" + internalName;
    }

    /**
     * What deleting the account loses, said first when it is the only enabled account or operators signed in
     * through it; the button that does it. Never one click.
     */
    @GetMapping("/{internalName}/delete")
    String confirmDelete(@PathVariable String internalName, Model model) {
        AccountView account = pages.existing(internalName);
        boolean enabled = account.settings().enabled();
        model.addAttribute("name", internalName);
        model.addAttribute("onlyEnabled", enabled && accounts.enabled().size() == 1);
        model.addAttribute("operatorCount", operators.listExternal(internalName).size());
        model.addAttribute("directory", account.settings().directoryServer() != null);
        model.addAttribute("declaredInFile", account.declaredInFile());
        return "accounts/delete";
    }

    @PostMapping("/{internalName}/delete")
    String delete(@PathVariable String internalName, RedirectAttributes redirect) {
        accounts.delete(internalName);
        redirect.addFlashAttribute("message", "account.deleted");
        return "redirect:/admin/accounts";
    }
}
