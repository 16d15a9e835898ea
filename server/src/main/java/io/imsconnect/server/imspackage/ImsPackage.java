package io.imsconnect.server.imspackage;




import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.packages.InstallablePackage;

/**
 * Campaign's package "Integration with the Adobe Experience Cloud": turns the account type {@code adobe-ims} on
 * (its provider type names this package as required) and creates the one Adobe account,
 * {@code Adobe_Marketing_Cloud}, disabled and empty for the administrator to fill in.
 */
@Component
@Order(10)
public class ImsPackage implements InstallablePackage {

    public static final String NAME = "ims";
    public static final String LABEL = "Integration with the Adobe Experience Cloud";
    static final String ACCOUNT_LABEL = "Adobe Experience Cloud";

    private final AccountService accounts;

    /**
     * Lazy: the account service asks the package service whether this package is installed, and the package
     * service holds every package, this one included.
     */
    ImsPackage(@Lazy AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void install() {
        accounts.createDisabledUnlessPresent(AccountSettings.DEFAULT_INTERNAL_NAME, ACCOUNT_LABEL);
    }
}
