package io.imsconnect.core.account;

import java.util.Arrays;
import java.util.Optional;

/** The kind of identity provider an external account connects to, with its id in JSON and URLs. */
public enum AccountType {
    /** Adobe IMS, the Campaign account: organization and product profiles read from IMS. */
    ADOBE_IMS("adobe-ims"),
    /** Any OpenID Connect provider: groups and organization read from configured claims. */
    OIDC("oidc");

    private final String id;

    AccountType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The type with this exact id; ids are lower case, as the API documents them. */
    public static Optional<AccountType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
