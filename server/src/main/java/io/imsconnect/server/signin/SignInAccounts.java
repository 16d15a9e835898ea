package io.imsconnect.server.signin;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.account.AccountWithSecret;

/**
 * The external accounts as the sign-in requests read them: from the database, once per request. Spring Security
 * looks the client registration up several times in one request (the start: the guard, the authorization
 * request; the callback: the token exchange, the ID-token decoder, the user service); the account and its
 * decrypted secret are one read and one transaction for all of them. A sign-in's requests never change an
 * account and the next request reads it anew, so a saved change still applies at the next sign-in, on every
 * node. Outside a request, every call reads.
 */
@Component
class SignInAccounts {

    private static final String PREFIX = SignInAccounts.class.getName() + ".";

    private final AccountService accounts;

    SignInAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    Optional<AccountSettings> find(String internalName) {
        return withSecret(internalName).map(AccountWithSecret::settings);
    }

    /** The decrypted client secret; see {@link AccountService#imsClientSecret}. */
    Optional<String> imsClientSecret(String internalName) {
        return withSecret(internalName).map(AccountWithSecret::imsClientSecret);
    }

    /** The account and its secret in one read: every sign-in request needs both (docs/decisions/0025). */
    private Optional<AccountWithSecret> withSecret(String internalName) {
        return once("account." + internalName, () -> accounts.findWithClientSecret(internalName));
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> once(String key, Supplier<Optional<T>> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        Object known = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return (Optional<T>) known;
        }
        Optional<T> value = read.get();
        request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }
}
