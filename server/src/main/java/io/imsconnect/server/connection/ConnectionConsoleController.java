package io.imsconnect.server.connection;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.imsconnect.server.account.AccountPages;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FormErrors;

/** Test connection on the external account's page: the report is shown under the saved account. */
@Controller
class ConnectionConsoleController {

    private final ConnectionTester tester;
    private final AccountPages pages;

    ConnectionConsoleController(ConnectionTester tester, AccountPages pages) {
        this.tester = tester;
        this.pages = pages;
    }

    @PostMapping("/admin/accounts/{internalName}/test")
    String test(@PathVariable String internalName, Model model) {
        try {
            model.addAttribute("report", tester.test(internalName));
        } catch (ConflictException refused) {
            FormErrors.show(model, refused);
        }
        return pages.edit(model, internalName);
    }
}
