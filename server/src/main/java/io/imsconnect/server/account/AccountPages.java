package io.imsconnect.server.account;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import io.imsconnect.server.errors.NotFoundException;
import io.imsconnect.server.provider.ProviderTypes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The external account's console page, for the features that act on the form in place (Test connection, the
 * mask preview) and render it again with their result: one place that knows what the form page needs.
 */
@Component
public class AccountPages {

    private final AccountService accounts;
    private final ProviderTypes types;
    private final JsonMapper json;

    AccountPages(AccountService accounts, ProviderTypes types, JsonMapper json) {
        this.accounts = accounts;
        this.types = types;
        this.json = json;
    }

    /** The stored account's form; 404 when there is none. */
    public String edit(Model model, String internalName) {
        AccountView account = existing(internalName);
        return form(model, AccountRequest.of(account.settings(), null, null), account);
    }

    /**
     * The form as the administrator typed it, for the account {@code internalName} ({@code new} while creating
     * one); typed secrets are never sent back to a page.
     */
    public String typed(Model model, MultiValueMap<String, String> form, String internalName) {
        return refused(model, form, accounts.findView(internalName).orElse(null));
    }

    String refused(Model model, MultiValueMap<String, String> form, AccountView account) {
        String name = account != null ? account.settings().internalName() : form.getFirst("internalName");
        model.addAttribute("secretNotKept", AccountForm.secretTyped(form));
        model.addAttribute("previewProfiles", form.getFirst("previewProfiles"));
        return form(model, AccountForm.read(form, name, false, json), account);
    }

    AccountView existing(String internalName) {
        return accounts.findView(internalName)
                .orElseThrow(() -> new NotFoundException("external account", internalName));
    }

    String form(Model model, AccountRequest form, AccountView account) {
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("creating", account == null);
        // "New external account" starts empty rather than with the default name of an account that exists.
        model.addAttribute("nameTaken", account == null && form.internalName() != null
                && accounts.find(form.internalName()).isPresent());
        model.addAttribute("types", types.ids());
        model.addAttribute("sectionTypes", types.formSectionTypes());
        model.addAttribute("formType", form.type() == null ? types.ids().get(0) : form.type());
        model.addAttribute("packageInstalled", accounts.isPackageInstalled());
        return "accounts/form";
    }
}
