package io.imsconnect.server.account;

import java.time.Clock;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.packages.InstallablePackage;

/**
 * Campaign's package "Integration with the Adobe Experience Cloud": turns the account type {@code adobe-ims} on
 * and creates the one Adobe account, {@code Adobe_Marketing_Cloud}, disabled and empty for the administrator to
 * fill in. Uses the repository rather than {@link AccountService}, which itself asks the package service
 * whether this package is installed.
 */
@Component
@Order(10)
class ImsPackage implements InstallablePackage {

    static final String NAME = "ims";
    static final String LABEL = "Integration with the Adobe Experience Cloud";
    static final String ACCOUNT_LABEL = "Adobe Experience Cloud";

    private final AccountRepository accounts;
    private final AuditService audit;
    private final Clock clock;

    ImsPackage(AccountRepository accounts, AuditService audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
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
        String name = AccountSettings.DEFAULT_INTERNAL_NAME;
        if (accounts.find(name).isPresent()) {
            return;
        }
        AccountSettings empty = AccountSettings.builder().internalName(name).label(ACCOUNT_LABEL).build();
        accounts.insert(new StoredAccount(empty, null, null, false, null, null), clock.instant());
        audit.record("externalAccount.created", AccountService.TARGET, name, null,
                Map.of("internalName", name, "label", ACCOUNT_LABEL, "type", empty.type().id(), "enabled", false));
    }
}
