package io.imsconnect.server.account;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/external-accounts")
class AccountApiController {

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<AccountView> list() {
        return accounts.views();
    }

    @GetMapping("/{internalName}")
    AccountView get(@PathVariable String internalName) {
        return accounts.view(internalName);
    }

    /** Creates (201) or replaces (200) the account named in the address. */
    @PutMapping("/{internalName}")
    ResponseEntity<AccountView> put(@PathVariable String internalName, @RequestBody AccountRequest request) {
        AccountService.Saved saved = accounts.put(internalName, request, AccountService.Origin.CONSOLE_OR_API);
        AccountView view = accounts.view(internalName);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/v1/external-accounts/" + internalName)).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }

    @DeleteMapping("/{internalName}")
    ResponseEntity<Void> delete(@PathVariable String internalName) {
        accounts.delete(internalName);
        return ResponseEntity.noContent().build();
    }
}
