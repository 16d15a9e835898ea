package io.imsconnect.server.account;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.packages.PackageService;
import io.imsconnect.server.provider.ProviderType;
import io.imsconnect.server.provider.ProviderTypes;

/** Which account types are turned on: a type whose provider names a package needs it installed. */
@Component
class AccountTypes {

    private final ProviderTypes types;
    private final PackageService packages;

    AccountTypes(ProviderTypes types, PackageService packages) {
        this.types = types;
        this.packages = packages;
    }

    /**
     * Whether every package an account type needs is installed (today only {@code adobe-ims} needs one,
     * {@code ims}): the console offers the Adobe account only then.
     */
    boolean allTurnedOn() {
        return Arrays.stream(AccountType.values()).map(types::of).allMatch(this::isTurnedOn);
    }

    boolean isTurnedOn(AccountSettings account) {
        return isTurnedOn(types.of(account));
    }

    private boolean isTurnedOn(ProviderType type) {
        return type.requiredPackage().map(packages::isInstalled).orElse(true);
    }

    /**
     * The package an account of type {@code typeId} (default {@code adobe-ims}) needs and that is not installed;
     * empty when none is missing or the type is unknown (validation says so).
     */
    Optional<String> missingPackage(String typeId) {
        Optional<AccountType> type = typeId == null ? Optional.of(AccountType.ADOBE_IMS) : AccountType.fromId(typeId);
        return type.map(types::of).filter(provider -> !isTurnedOn(provider))
                .flatMap(ProviderType::requiredPackage);
    }

    /** 409 while the package that {@code type} needs is not installed. */
    void requireTurnedOn(AccountType type) {
        ProviderType provider = types.of(type);
        if (!isTurnedOn(provider)) {
            String name = provider.requiredPackage().orElseThrow();
            throw new ConflictException("type", "packageNotInstalled", "the account type " + type.id()
                    + " needs the package '" + name + "' (" + packages.label(name) + "): install it under "
                    + "Administration > Platform > Packages or with POST /api/v1/packages/" + name + "/install");
        }
    }

}
