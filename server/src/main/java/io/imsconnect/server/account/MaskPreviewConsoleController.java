package io.imsconnect.server.account;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.system.FormErrors;
import io.imsconnect.server.system.InvalidInputException;

/** Administration > Platform > Mask preview: a mask (typed, or an account's) tried on profile names. */
@Controller
@RequestMapping("/admin/mask-preview")
class MaskPreviewConsoleController {

    private final MaskPreviewService preview;
    private final AccountService accounts;

    MaskPreviewConsoleController(MaskPreviewService preview, AccountService accounts) {
        this.preview = preview;
        this.accounts = accounts;
    }

    @GetMapping
    String page(Model model) {
        return page(model, "", AccountSettings.DEFAULT_MASK_IGNORES_CASE, "", "");
    }

    @PostMapping
    String preview(@RequestParam(defaultValue = "") String mask,
            @RequestParam(defaultValue = "false") boolean maskIgnoresCase,
            @RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String profiles,
            Model model) {
        List<String> names = Arrays.stream(profiles.split("\\R")).filter(line -> !line.isBlank()).toList();
        MaskPreviewRequest request = account.isBlank()
                ? new MaskPreviewRequest(mask, maskIgnoresCase, names, null)
                : new MaskPreviewRequest(null, null, names, account);
        try {
            model.addAttribute("previewRows", preview.preview(request));
        } catch (InvalidInputException refused) {
            FormErrors.show(model, refused);
        }
        return page(model, mask, maskIgnoresCase, account, profiles);
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
