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
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.packages.PackageService;
import io.imsconnect.server.system.ConflictException;
import io.imsconnect.server.system.FieldViolation;
import io.imsconnect.server.system.ImsConnectProperties;
import io.imsconnect.server.system.InvalidInputException;
import io.imsconnect.server.system.NotFoundException;

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
    private final PackageService packages;
    private final AuditService audit;
    private final ConnectionTester tester;
    private final ImsConnectProperties properties;
    private final Clock clock;

    AccountService(AccountRepository accounts, SecretCipher cipher, PackageService packages, AuditService audit,
            ConnectionTester tester, ImsConnectProperties properties, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.packages = packages;
        this.audit = audit;
        this.tester = tester;
        this.properties = properties;
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
     * The accounts a login may use now: enabled, and for {@code adobe-ims} only while the {@code ims} package is
     * installed. Read from the database at each call.
     */
    @Transactional(readOnly = true)
    public List<AccountSettings> enabled() {
        boolean imsInstalled = isPackageInstalled();
        return accounts.findEnabled().stream().map(StoredAccount::settings)
                .filter(s -> imsInstalled || s.type() != AccountType.ADOBE_IMS).toList();
    }

    /** The decrypted IMS (or OIDC) client secret; empty when the account or its secret does not exist. */
    @Transactional(readOnly = true)
    public Optional<String> imsClientSecret(String internalName) {
        return accounts.find(internalName).map(StoredAccount::imsClientSecretCiphertext)
                .map(stored -> cipher.decrypt(stored, SecretField.IMS_CLIENT.context(internalName)));
    }

    /** The decrypted directory (UMAPI) client secret; empty when the account or its secret does not exist. */
    @Transactional(readOnly = true)
    public Optional<String> directoryClientSecret(String internalName) {
        return accounts.find(internalName).map(StoredAccount::directoryClientSecretCiphertext)
                .map(stored -> cipher.decrypt(stored, SecretField.DIRECTORY_CLIENT.context(internalName)));
    }

    /** Whether the package {@value ImsPackage#NAME} is installed, which turns the type {@code adobe-ims} on. */
    @Transactional(readOnly = true)
    public boolean isPackageInstalled() {
        return packages.isInstalled(ImsPackage.NAME);
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
        if (type == AccountType.ADOBE_IMS && !isPackageInstalled()) {
            throw packageNotInstalled();
        }
        Optional<StoredAccount> existing = accounts.findForUpdate(internalName);
        SecretChange imsSecret = SecretChange.of(request.imsClientSecret(),
                existing.map(StoredAccount::imsClientSecretCiphertext).orElse(null),
                SecretField.IMS_CLIENT.context(internalName), cipher);
        SecretChange directorySecret = SecretChange.of(request.directoryClientSecret(),
                existing.map(StoredAccount::directoryClientSecretCiphertext).orElse(null),
                SecretField.DIRECTORY_CLIENT.context(internalName), cipher);
        requireSecretsAgainWhenServerMoves(existing, request, imsSecret, directorySecret, violations);
        AccountSettings settings = settings(internalName, type, request, imsSecret.set(), directorySecret.set());
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
        boolean adobe = found.map(a -> a.settings().type() == AccountType.ADOBE_IMS)
                .orElse(AccountSettings.DEFAULT_INTERNAL_NAME.equals(internalName));
        if (adobe && !isPackageInstalled()) {
            throw packageNotInstalled();
        }
        return found.map(a -> AccountView.of(a.settings(), a.declaredInFile()))
                .orElseThrow(() -> new NotFoundException("external account", internalName));
    }

    /** The account as the console shows it, whether or not its type is turned on. */
    @Transactional(readOnly = true)
    Optional<AccountView> findView(String internalName) {
        return accounts.find(internalName).map(a -> AccountView.of(a.settings(), a.declaredInFile()));
    }

    /**
     * Tests the saved account's connection. Deliberately outside any transaction: the remote calls can take
     * seconds and must not hold a database connection.
     */
    ConnectionReport testConnection(String internalName) {
        view(internalName);
        AccountSettings settings = find(internalName)
                .orElseThrow(() -> new NotFoundException("external account", internalName));
        return tester.test(settings, imsClientSecret(internalName), directoryClientSecret(internalName));
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

    static ConflictException packageNotInstalled() {
        return new ConflictException("type", "packageNotInstalled", "the account type adobe-ims needs the package '"
                + ImsPackage.NAME + "' (" + ImsPackage.LABEL + "): install it under Administration > Platform >"
                + " Packages or with POST /api/v1/packages/" + ImsPackage.NAME + "/install");
    }

    private static AccountSettings settings(String internalName, AccountType type, AccountRequest r,
            boolean imsSecretSet, boolean directorySecretSet) {
        AccountSettings.Builder builder = AccountSettings.builder()
                .internalName(internalName)
                .type(type)
                .label(text(r.label()))
                .imsServer(text(r.imsServer()))
                .imsClientId(text(r.imsClientId()))
                .callbackServer(text(r.callbackServer()))
                .imsOrganizationId(text(r.imsOrganizationId()))
                .associationMask(r.associationMask() == null || r.associationMask().isBlank() ? null
                        : r.associationMask())
                .server(text(r.server()))
                .tenant(text(r.tenant()))
                .productContext(text(r.productContext()))
                .directoryServer(text(r.directoryServer()))
                .directoryClientId(text(r.directoryClientId()))
                .organizationClaim(text(r.organizationClaim()))
                .issuer(text(r.issuer()))
                .imsClientSecretSet(imsSecretSet)
                .directoryClientSecretSet(directorySecretSet);
        if (r.enabled() != null) {
            builder.enabled(r.enabled());
        }
        if (r.imsScope() != null) {
            builder.imsScope(r.imsScope());
        }
        if (r.maskIgnoresCase() != null) {
            builder.maskIgnoresCase(r.maskIgnoresCase());
        }
        if (r.groupsClaim() != null) {
            builder.groupsClaim(text(r.groupsClaim()));
        }
        return builder.build();
    }

    /** Text as stored: without surrounding whitespace (pasted URLs and IDs often carry some), blank as absent. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The audit state: every setting, each secret only as whether it is set and whether this change touched it. */
    private static Map<String, Object> state(AccountSettings s, boolean declaredInFile, SecretChange imsSecret,
            SecretChange directorySecret) {
        Map<String, Object> state = new LinkedHashMap<>();
        AccountView view = AccountView.of(s, declaredInFile);
        state.put("internalName", view.internalName());
        state.put("label", view.label());
        state.put("type", view.type());
        state.put("enabled", view.enabled());
        state.put("imsServer", view.imsServer());
        state.put("imsScope", view.imsScope());
        state.put("imsClientId", view.imsClientId());
        state.put("imsClientSecretSet", view.imsClientSecretSet());
        if (imsSecret != null) {
            state.put("imsClientSecret", imsSecret.changed() ? "changed" : "unchanged");
        }
        state.put("callbackServer", view.callbackServer());
        state.put("imsOrganizationId", view.imsOrganizationId());
        state.put("associationMask", view.associationMask());
        state.put("maskIgnoresCase", view.maskIgnoresCase());
        state.put("server", view.server());
        state.put("tenant", view.tenant());
        state.put("productContext", view.productContext());
        state.put("directoryServer", view.directoryServer());
        state.put("directoryClientId", view.directoryClientId());
        state.put("directoryClientSecretSet", view.directoryClientSecretSet());
        if (directorySecret != null) {
            state.put("directoryClientSecret", directorySecret.changed() ? "changed" : "unchanged");
        }
        state.put("groupsClaim", view.groupsClaim());
        state.put("organizationClaim", view.organizationClaim());
        state.put("issuer", view.issuer());
        state.put("declaredInFile", view.declaredInFile());
        return state;
    }

    /** The two secrets of an account, each encrypted in a context of its own. */
    enum SecretField {
        IMS_CLIENT("imsClientSecret"), DIRECTORY_CLIENT("directoryClientSecret");

        private final String field;

        SecretField(String field) {
            this.field = field;
        }

        String context(String internalName) {
            return TARGET + "/" + internalName + "/" + field;
        }
    }

    /**
     * A stored secret goes only to the server it was typed for: whoever points {@code imsServer} (or
     * {@code directoryServer}) elsewhere must type the secrets again, or clear them, in the same save. Else
     * changing a URL and pressing "Test connection" would hand a write-only secret to any host.
     */
    private static void requireSecretsAgainWhenServerMoves(Optional<StoredAccount> existing, AccountRequest request,
            SecretChange imsSecret, SecretChange directorySecret, List<FieldViolation> violations) {
        if (existing.isEmpty()) {
            return;
        }
        AccountSettings before = existing.get().settings();
        boolean imsMoved = moved(before.imsServer(), request.imsServer());
        boolean directoryMoved = imsMoved || moved(before.directoryServer(), request.directoryServer());
        if (imsMoved && request.imsClientSecret() == null && imsSecret.set()) {
            violations.add(new FieldViolation("imsClientSecret", "required.serverChanged", "must be typed again (or "
                    + "cleared) because imsServer changed: a stored secret is only sent to the server it was typed for"));
        }
        if (directoryMoved && request.directoryClientSecret() == null && directorySecret.set()) {
            violations.add(new FieldViolation("directoryClientSecret", "required.serverChanged", "must be typed "
                    + "again (or cleared) because the server it is sent to changed: a stored secret is only sent to "
                    + "the server it was typed for"));
        }
    }

    private static boolean moved(String before, String after) {
        String a = before == null ? "" : AccountSettings.withoutTrailingSlashes(before);
        String b = after == null ? "" : AccountSettings.withoutTrailingSlashes(after);
        return !a.equalsIgnoreCase(b);
    }

    /**
     * What a save does to one secret: {@code null} keeps the stored one, blank clears it, other text replaces it
     * (a value equal to the stored secret counts as unchanged and keeps its ciphertext).
     */
    private record SecretChange(String ciphertext, boolean changed) {

        static SecretChange of(String requested, String storedCiphertext, String context, SecretCipher cipher) {
            if (requested == null) {
                return new SecretChange(storedCiphertext, false);
            }
            String secret = requested.strip();
            if (secret.isEmpty()) {
                return new SecretChange(null, storedCiphertext != null);
            }
            if (storedCiphertext != null && secret.equals(cipher.decrypt(storedCiphertext, context))) {
                return new SecretChange(storedCiphertext, false);
            }
            return new SecretChange(cipher.encrypt(secret, context), true);
        }

        boolean set() {
            return ciphertext != null;
        }

        @Override
        public String toString() {
            return "SecretChange[set=" + set() + ", changed=" + changed + "]";
        }
    }
}
