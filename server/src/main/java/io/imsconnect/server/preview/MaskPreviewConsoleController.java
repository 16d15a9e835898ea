package io.imsconnect.server.preview;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountPages;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FormErrors;
import io.imsconnect.server.errors.InvalidInputException;

/** Administration > Platform > Mask preview: a mask (typed, or an account's) tried on profile names. */
@Controller
class MaskPreviewConsoleController {

    private final MaskPreviewService preview;
    private final AccountService accounts;
    private final AccountPages pages;

    MaskPreviewConsoleController(MaskPreviewService preview, AccountService accounts, AccountPages pages) {
        this.preview = preview;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/admin/mask-preview")
    String page(Model model) {
        return page(model, "", AccountSettings.DEFAULT_MASK_IGNORES_CASE, "", "");
    }

    @PostMapping("/admin/mask-preview")
    String preview(@RequestParam(defaultValue = "") String mask,
            @RequestParam(defaultValue = "false") boolean maskIgnoresCase,
            @RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String profiles,
            Model model) {
        List<String> names = lines(profiles);
        MaskPreviewRequest request = account.isBlank()
                ? new MaskPreviewRequest(mask, maskIgnoresCase, names, null)
                : new MaskPreviewRequest(null, null, names.isEmpty() ? null : names, account);
        try {
            model.addAttribute("previewRows", preview.preview(request));
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
        }
        return page(model, mask, maskIgnoresCase, account, profiles);
    }

    /** On the external account's form: tries the mask typed there on the profile names typed under it; saves nothing. */
    @PostMapping("/admin/accounts/{internalName}/preview")
    String accountForm(@PathVariable String internalName, @RequestParam MultiValueMap<String, String> form,
            Model model) {
        try {
            model.addAttribute("previewRows", preview.preview(new MaskPreviewRequest(form.getFirst("associationMask"),
                    form.containsKey("maskIgnoresCase"), lines(form.getFirst("previewProfiles")), null)));
        } catch (InvalidInputException refused) {
            FormErrors.show(model, new InvalidInputException("associationMask", refused.violations().get(0).code(),
                    refused.violations().get(0).message()));
        }
        return pages.typed(model, form, internalName);
    }

    /** Profile names typed one a line, without blank lines. */
    private static List<String> lines(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    private String page(Model model, String mask, boolean maskIgnoresCase, String account, String profiles) {
        model.addAttribute("mask", mask);
        model.addAttribute("maskIgnoresCase", maskIgnoresCase);
        model.addAttribute("account", account);
        model.addAttribute("profiles", profiles);
        model.addAttribute("accounts", accounts.list().stream()
                .filter(a -> a.associationMask() != null).map(AccountSettings::internalName).toList());
        return "mask/preview";
    }
}
