package io.imsconnect.server.connection;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.imsconnect.server.account.AccountPages;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FormErrors;

/**
 * Test connection on the external account's page. It tests the saved account; when the button posted the form
 * (it does, with or without JavaScript) the page comes back with the values as typed, so unsaved edits are not
 * lost, and with JavaScript htmx swaps only the report into the page (docs/decisions/0017).
 */
@Controller
class ConnectionConsoleController {

    private final ConnectionTester tester;
    private final AccountPages pages;

    ConnectionConsoleController(ConnectionTester tester, AccountPages pages) {
        this.tester = tester;
        this.pages = pages;
    }

    @PostMapping("/admin/accounts/{internalName}/test")
    String test(@PathVariable String internalName, @RequestParam MultiValueMap<String, String> form, Model model) {
        try {
            model.addAttribute("report", tester.test(internalName));
        } catch (ConflictException refused) {
            FormErrors.show(model, refused);
        }
        return form.containsKey("internalName") ? pages.typed(model, form, internalName)
                : pages.edit(model, internalName);
    }
}
