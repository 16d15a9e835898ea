package io.imsconnect.server.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.core.account.AccountValidator;
import io.imsconnect.server.account.AccountSecrets.SecretChange;
import io.imsconnect.server.account.AccountSecrets.SecretField;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.config.ImsConnectProperties;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FieldViolation;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.errors.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * External accounts: the connections to identity providers that an administrator edits at run time. Every read
 * goes to the database, so a saved change applies to the next login on every node without a restart. Secrets
 * are encrypted at rest, never returned by the reads, and never audited.
 */
@Service
public class AccountService {

    static final String TARGET = "externalAccount";

    private final AccountRepository accounts;
    private final SecretCipher cipher;
    private final AccountTypes accountTypes;
    private final AuditService audit;
    private final ImsConnectProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    AccountService(AccountRepository accounts, SecretCipher cipher, AccountTypes accountTypes, AuditService audit,
            ImsConnectProperties properties, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.accountTypes = accountTypes;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Every account, by internal name; secrets are never inside, only whether they are set. */
    @Transactional(readOnly = true)
    public List<AccountSettings> list() {
        return accounts.findAll().stream().map(StoredAccount::settings).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AccountSettings> find(String internalName) {
        return accounts.find(internalName).map(StoredAccount::settings);
    }

    /**
     * The accounts a login may use now: enabled, and only while the package their type needs (for
     * {@code adobe-ims}: {@code ims}) is installed. Read from the database at each call.
     */
    @Transactional(readOnly = true)
    public List<AccountSettings> enabled() {
        return accounts.findEnabled().stream().map(StoredAccount::settings).filter(accountTypes::isTurnedOn).toList();
    }

    /** The decrypted IMS (or OIDC) client secret; empty when the account or its secret does not exist. */
    @Transactional(readOnly = true)
    public Optional<String> imsClientSecret(String internalName) {
        return accounts.find(internalName).map(StoredAccount::imsClientSecretCiphertext)
                .map(stored -> cipher.decrypt(stored, SecretField.IMS_CLIENT.context(internalName)));
    }

    /**
     * The account and its decrypted client secret from one read: a sign-in request needs both, and two reads
     * were two transactions per request (docs/decisions/0025). Empty when the account does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<AccountWithSecret> findWithClientSecret(String internalName) {
        return accounts.find(internalName).map(stored -> new AccountWithSecret(stored.settings(),
                stored.imsClientSecretCiphertext() == null ? null : cipher.decrypt(
                        stored.imsClientSecretCiphertext(), SecretField.IMS_CLIENT.context(internalName))));
    }

    /** The decrypted directory (UMAPI) client secret; empty when the account or its secret does not exist. */
    @Transactional(readOnly = true)
    public Optional<String> directoryClientSecret(String internalName) {
        return accounts.find(internalName).map(StoredAccount::directoryClientSecretCiphertext)
                .map(stored -> cipher.decrypt(stored, SecretField.DIRECTORY_CLIENT.context(internalName)));
    }

    /**
     * Whether every package an account type needs is installed (today only {@code adobe-ims} needs one,
     * {@code ims}): the console offers the Adobe account only then.
     */
    @Transactional(readOnly = true)
    public boolean isPackageInstalled() {
        return accountTypes.allTurnedOn();
    }

    /**
     * The package an account of type {@code typeId} (default {@code adobe-ims}) needs and that is not installed;
     * empty when none is missing or the type is unknown (validation says so).
     */
    @Transactional(readOnly = true)
    public Optional<String> missingPackage(String typeId) {
        return accountTypes.missingPackage(typeId);
    }

    /** The saved account (404 when unknown, 409 while its type's package is missing). */
    @Transactional(readOnly = true)
    public AccountSettings require(String internalName) {
        return view(internalName).settings();
    }

    /** For a package that brings an account: creates it, disabled and empty, unless it exists. */
    @Transactional
    public void createDisabledUnlessPresent(String internalName, String label) {
        if (accounts.find(internalName).isPresent()) {
            return;
        }
        AccountSettings empty = AccountSettings.builder().internalName(internalName).label(label).build();
        accounts.insert(new StoredAccount(empty, null, null, false, null, null), clock.instant());
        audit.record("externalAccount.created", TARGET, internalName, null, Map.of("internalName", internalName,
                "label", label, "type", empty.type().id(), "enabled", false));
    }

    /**
     * Creates or replaces the account {@code internalName} after validating it (400 naming each bad field, 409
     * for an {@code adobe-ims} account while the {@code ims} package is not installed). See
     * {@link AccountRequest} for defaults and how secrets are kept, cleared or replaced.
     */
    @Transactional
    public AccountSettings save(String internalName, AccountRequest request) {
        return put(internalName, request, Origin.CONSOLE_OR_API).settings();
    }

    /** Who saves: the accounts file marks what it declares. */
    enum Origin {
        CONSOLE_OR_API, FILE
    }

    /** The outcome of a save: the settings, and whether the account was created or changed at all. */
    record Saved(AccountSettings settings, boolean created, boolean changed) {
    }

    @Transactional
    Saved put(String internalName, AccountRequest request, Origin origin) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.internalName() != null && !request.internalName().equals(internalName)) {
            violations.add(new FieldViolation("internalName", "pathMismatch", "must be the internal name in the"
                    + " address ('" + internalName + "') or be left out: an account cannot be renamed"));
        }
        AccountType type = AccountType.ADOBE_IMS;
        if (request.type() != null) {
            type = AccountType.fromId(request.type()).orElse(null);
            if (type == null) {
                violations.add(new FieldViolation("type", "invalid", "must be adobe-ims or oidc"));
            }
        }
        if (type != null) {
            accountTypes.requireTurnedOn(type);
        }
        Optional<StoredAccount> existing = accounts.findForUpdate(internalName);
        SecretChange imsSecret = SecretChange.of(request.imsClientSecret(),
                existing.map(StoredAccount::imsClientSecretCiphertext).orElse(null),
                SecretField.IMS_CLIENT.context(internalName), cipher);
        SecretChange directorySecret = SecretChange.of(request.directoryClientSecret(),
                existing.map(StoredAccount::directoryClientSecretCiphertext).orElse(null),
                SecretField.DIRECTORY_CLIENT.context(internalName), cipher);
        AccountSecrets.requireSecretsAgainWhenServerMoves(existing, request, imsSecret, directorySecret, violations);
        AccountSettings settings = request.settings(internalName, type, imsSecret.set(), directorySecret.set());
        if (type != null) {
            AccountValidator.validate(settings, properties.security().allowInsecureLoopback()).stream()
                    .filter(v -> violations.stream().noneMatch(known -> known.field().equals(v.field())))
                    .map(v -> new FieldViolation(v.field(), v.code(), v.message()))
                    .forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        boolean declaredInFile = origin == Origin.FILE || existing.map(StoredAccount::declaredInFile).orElse(false);
        StoredAccount stored = new StoredAccount(settings, imsSecret.ciphertext(), directorySecret.ciphertext(),
                declaredInFile, null, null);
        if (existing.isEmpty()) {
            try {
                accounts.insert(stored, clock.instant());
            } catch (DuplicateKeyException raced) {
                throw new ConflictException("internalName", "concurrentChange", "another administrator created"
                        + " the account '" + internalName + "' at the same time; reload it and save again");
            }
            audit.record("externalAccount.created", TARGET, internalName, null,
                    state(settings, declaredInFile, imsSecret, directorySecret));
            return new Saved(settings, true, true);
        }
        StoredAccount before = existing.get();
        if (before.settings().equals(settings) && before.declaredInFile() == declaredInFile
                && !imsSecret.changed() && !directorySecret.changed()) {
            return new Saved(settings, false, false);
        }
        accounts.update(stored, clock.instant());
        audit.record("externalAccount.updated", TARGET, internalName,
                state(before.settings(), before.declaredInFile(), null, null),
                state(settings, declaredInFile, imsSecret, directorySecret));
        return new Saved(settings, false, true);
    }

    /** The account as the API shows it; 409 for an {@code adobe-ims} account while the package is missing. */
    @Transactional(readOnly = true)
    AccountView view(String internalName) {
        Optional<StoredAccount> found = accounts.find(internalName);
        // The Adobe account's name answers 409, not 404, until the package that brings it is installed.
        found.map(a -> a.settings().type()).or(() -> AccountSettings.DEFAULT_INTERNAL_NAME.equals(internalName)
                ? Optional.of(AccountType.ADOBE_IMS) : Optional.empty()).ifPresent(accountTypes::requireTurnedOn);
        return found.map(a -> AccountView.of(a.settings(), a.declaredInFile()))
                .orElseThrow(() -> new NotFoundException("external account", internalName));
    }

    /** The account as the console shows it, whether or not its type is turned on. */
    @Transactional(readOnly = true)
    Optional<AccountView> findView(String internalName) {
        return accounts.find(internalName).map(a -> AccountView.of(a.settings(), a.declaredInFile()));
    }

    @Transactional(readOnly = true)
    List<AccountView> views() {
        return accounts.findAll().stream().map(a -> AccountView.of(a.settings(), a.declaredInFile())).toList();
    }

    @Transactional
    void delete(String internalName) {
        StoredAccount account = accounts.findForUpdate(internalName)
                .orElseThrow(() -> new NotFoundException("external account", internalName));
        accounts.delete(internalName);
        audit.record("externalAccount.deleted", TARGET, internalName,
                state(account.settings(), account.declaredInFile(), null, null), null);
    }

    /**
     * The audit state: the account as the API shows it, each secret only as whether it is set and whether this
     * change touched it.
     */
    private Map<String, Object> state(AccountSettings s, boolean declaredInFile, SecretChange imsSecret,
            SecretChange directorySecret) {
        Map<String, Object> state = new LinkedHashMap<>();
        json.convertValue(AccountView.of(s, declaredInFile), Map.class)
                .forEach((field, value) -> state.put(String.valueOf(field), value));
        if (imsSecret != null) {
            state.put("imsClientSecret", imsSecret.changed() ? "changed" : "unchanged");
        }
        if (directorySecret != null) {
            state.put("directoryClientSecret", directorySecret.changed() ? "changed" : "unchanged");
        }
        return state;
    }
}
