package io.imsconnect.core.account;

import java.util.List;

/**
 * Builds {@link AccountSettings} field by field, starting from the defaults (the one place they are set, see
 * docs/decisions/0009-fields-declared-once.md); not thread-safe.
 */
public final class AccountSettingsBuilder {

    private String internalName = AccountSettings.DEFAULT_INTERNAL_NAME;
    private String label;
    private AccountType type = AccountType.ADOBE_IMS;
    private boolean enabled;
    private String imsServer;
    private List<String> imsScope = AccountSettings.DEFAULT_IMS_SCOPE;
    private String imsClientId;
    private String callbackServer;
    private String imsOrganizationId;
    private String associationMask;
    private boolean maskIgnoresCase = AccountSettings.DEFAULT_MASK_IGNORES_CASE;
    private String server;
    private String tenant;
    private String productContext;
    private String directoryServer;
    private String directoryClientId;
    private String groupsClaim = AccountSettings.DEFAULT_GROUPS_CLAIM;
    private String organizationClaim;
    private String issuer;
    private List<String> apiClientIds = List.of();
    private String audience;
    private String introspectionEndpoint;
    private int syncIntervalMinutes = AccountSettings.DEFAULT_SYNC_INTERVAL_MINUTES;
    private int syncCapOperators = AccountSettings.DEFAULT_SYNC_CAP_OPERATORS;
    private int syncCapPercent = AccountSettings.DEFAULT_SYNC_CAP_PERCENT;
    private boolean syncPreCreate;
    private boolean imsClientSecretSet;
    private boolean directoryClientSecretSet;

    AccountSettingsBuilder() {
    }

    AccountSettingsBuilder(AccountSettings s) {
        internalName = s.internalName();
        label = s.label();
        type = s.type();
        enabled = s.enabled();
        imsServer = s.imsServer();
        imsScope = s.imsScope();
        imsClientId = s.imsClientId();
        callbackServer = s.callbackServer();
        imsOrganizationId = s.imsOrganizationId();
        associationMask = s.associationMask();
        maskIgnoresCase = s.maskIgnoresCase();
        server = s.server();
        tenant = s.tenant();
        productContext = s.productContext();
        directoryServer = s.directoryServer();
        directoryClientId = s.directoryClientId();
        groupsClaim = s.groupsClaim();
        organizationClaim = s.organizationClaim();
        issuer = s.issuer();
        apiClientIds = s.apiClientIds();
        audience = s.audience();
        introspectionEndpoint = s.introspectionEndpoint();
        syncIntervalMinutes = s.syncIntervalMinutes();
        syncCapOperators = s.syncCapOperators();
        syncCapPercent = s.syncCapPercent();
        syncPreCreate = s.syncPreCreate();
        imsClientSecretSet = s.imsClientSecretSet();
        directoryClientSecretSet = s.directoryClientSecretSet();
    }

    public AccountSettingsBuilder internalName(String internalName) {
        this.internalName = internalName;
        return this;
    }

    public AccountSettingsBuilder label(String label) {
        this.label = label;
        return this;
    }

    public AccountSettingsBuilder type(AccountType type) {
        this.type = type;
        return this;
    }

    public AccountSettingsBuilder enabled(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    public AccountSettingsBuilder imsServer(String imsServer) {
        this.imsServer = imsServer;
        return this;
    }

    public AccountSettingsBuilder imsScope(List<String> imsScope) {
        this.imsScope = imsScope;
        return this;
    }

    public AccountSettingsBuilder imsClientId(String imsClientId) {
        this.imsClientId = imsClientId;
        return this;
    }

    public AccountSettingsBuilder callbackServer(String callbackServer) {
        this.callbackServer = callbackServer;
        return this;
    }

    public AccountSettingsBuilder imsOrganizationId(String imsOrganizationId) {
        this.imsOrganizationId = imsOrganizationId;
        return this;
    }

    public AccountSettingsBuilder associationMask(String associationMask) {
        this.associationMask = associationMask;
        return this;
    }

    public AccountSettingsBuilder maskIgnoresCase(boolean maskIgnoresCase) {
        this.maskIgnoresCase = maskIgnoresCase;
        return this;
    }

    public AccountSettingsBuilder server(String server) {
        this.server = server;
        return this;
    }

    public AccountSettingsBuilder tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public AccountSettingsBuilder productContext(String productContext) {
        this.productContext = productContext;
        return this;
    }

    public AccountSettingsBuilder directoryServer(String directoryServer) {
        this.directoryServer = directoryServer;
        return this;
    }

    public AccountSettingsBuilder directoryClientId(String directoryClientId) {
        this.directoryClientId = directoryClientId;
        return this;
    }

    public AccountSettingsBuilder groupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim;
        return this;
    }

    public AccountSettingsBuilder organizationClaim(String organizationClaim) {
        this.organizationClaim = organizationClaim;
        return this;
    }

    public AccountSettingsBuilder issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public AccountSettingsBuilder apiClientIds(List<String> apiClientIds) {
        this.apiClientIds = apiClientIds;
        return this;
    }

    public AccountSettingsBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    public AccountSettingsBuilder introspectionEndpoint(String introspectionEndpoint) {
        this.introspectionEndpoint = introspectionEndpoint;
        return this;
    }

    public AccountSettingsBuilder syncIntervalMinutes(int syncIntervalMinutes) {
        this.syncIntervalMinutes = syncIntervalMinutes;
        return this;
    }

    public AccountSettingsBuilder syncCapOperators(int syncCapOperators) {
        this.syncCapOperators = syncCapOperators;
        return this;
    }

    public AccountSettingsBuilder syncCapPercent(int syncCapPercent) {
        this.syncCapPercent = syncCapPercent;
        return this;
    }

    public AccountSettingsBuilder syncPreCreate(boolean syncPreCreate) {
        this.syncPreCreate = syncPreCreate;
        return this;
    }

    public AccountSettingsBuilder imsClientSecretSet(boolean imsClientSecretSet) {
        this.imsClientSecretSet = imsClientSecretSet;
        return this;
    }

    public AccountSettingsBuilder directoryClientSecretSet(boolean directoryClientSecretSet) {
        this.directoryClientSecretSet = directoryClientSecretSet;
        return this;
    }

    public AccountSettings build() {
        return new AccountSettings(internalName, label, type, enabled, imsServer, imsScope,
                imsClientId, callbackServer, imsOrganizationId, associationMask, maskIgnoresCase,
                server, tenant, productContext, directoryServer, directoryClientId, groupsClaim,
                organizationClaim, issuer, apiClientIds, audience, introspectionEndpoint,
                syncIntervalMinutes, syncCapOperators, syncCapPercent, syncPreCreate, imsClientSecretSet,
                directoryClientSecretSet);
    }
}
