package io.imsconnect.server.account;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.boot.jackson.JacksonMixin;

import io.imsconnect.core.account.AccountType;

/** JSON names an account type by its id ({@code adobe-ims}, {@code oidc}), as requests do; {@code core} knows no JSON. */
@JacksonMixin(AccountType.class)
abstract class AccountTypeJson {

    @JsonValue
    abstract String id();
}
