package io.imsconnect.server.account;

import java.util.Arrays;
import java.util.List;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.Scopes;

/**
 * The console's account form. Secrets are never sent to the page: an empty secret input keeps the stored
 * secret, text replaces it, and the "clear" box removes it. The profile names under the mask are only for the
 * preview and are not saved.
 */
class AccountForm {

    private String internalName = AccountSettings.DEFAULT_INTERNAL_NAME;
    private String label;
    private String type = "adobe-ims";
    private boolean enabled;
    private String imsServer;
    private String imsScope = String.join(",", AccountSettings.DEFAULT_IMS_SCOPE);
    private String imsClientId;
    private String imsClientSecret;
    private boolean clearImsClientSecret;
    private String callbackServer;
    private String imsOrganizationId;
    private String associationMask;
    private boolean maskIgnoresCase;
    private String server;
    private String tenant;
    private String productContext;
    private String directoryServer;
    private String directoryClientId;
    private String directoryClientSecret;
    private boolean clearDirectoryClientSecret;
    private String groupsClaim = AccountSettings.DEFAULT_GROUPS_CLAIM;
    private String organizationClaim;
    private String issuer;
    private String previewProfiles;

    static AccountForm of(AccountView view) {
        AccountForm form = new AccountForm();
        form.internalName = view.internalName();
        form.label = view.label();
        form.type = view.type();
        form.enabled = view.enabled();
        form.imsServer = view.imsServer();
        form.imsScope = view.imsScope() == null ? "" : String.join(",", view.imsScope());
        form.imsClientId = view.imsClientId();
        form.callbackServer = view.callbackServer();
        form.imsOrganizationId = view.imsOrganizationId();
        form.associationMask = view.associationMask();
        form.maskIgnoresCase = view.maskIgnoresCase();
        form.server = view.server();
        form.tenant = view.tenant();
        form.productContext = view.productContext();
        form.directoryServer = view.directoryServer();
        form.directoryClientId = view.directoryClientId();
        form.groupsClaim = view.groupsClaim();
        form.organizationClaim = view.organizationClaim();
        form.issuer = view.issuer();
        return form;
    }

    static AccountForm empty() {
        AccountForm form = new AccountForm();
        form.maskIgnoresCase = AccountSettings.DEFAULT_MASK_IGNORES_CASE;
        return form;
    }

    AccountRequest toRequest(String name) {
        return new AccountRequest(name, label, type, enabled, imsServer,
                imsScope == null || imsScope.isBlank() ? null : Scopes.parse(imsScope), imsClientId,
                secret(imsClientSecret, clearImsClientSecret), callbackServer, imsOrganizationId, associationMask,
                maskIgnoresCase, server, tenant, productContext, directoryServer, directoryClientId,
                secret(directoryClientSecret, clearDirectoryClientSecret), groupsClaim, organizationClaim, issuer);
    }

    /** Whether a secret was typed; the page does not send it back, so it has to be typed again. */
    boolean secretTyped() {
        return hasText(imsClientSecret) || hasText(directoryClientSecret);
    }

    /** The preview's profile names, one a line, without blank lines. */
    List<String> profileNames() {
        if (previewProfiles == null) {
            return List.of();
        }
        return Arrays.stream(previewProfiles.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    /** Clears the typed secrets before the form goes back to a page. */
    AccountForm withoutSecrets() {
        imsClientSecret = null;
        directoryClientSecret = null;
        return this;
    }

    private static String secret(String typed, boolean clear) {
        if (clear) {
            return "";
        }
        return hasText(typed) ? typed : null;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public String getInternalName() {
        return internalName;
    }

    public void setInternalName(String internalName) {
        this.internalName = internalName;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getImsServer() {
        return imsServer;
    }

    public void setImsServer(String imsServer) {
        this.imsServer = imsServer;
    }

    public String getImsScope() {
        return imsScope;
    }

    public void setImsScope(String imsScope) {
        this.imsScope = imsScope;
    }

    public String getImsClientId() {
        return imsClientId;
    }

    public void setImsClientId(String imsClientId) {
        this.imsClientId = imsClientId;
    }

    public void setImsClientSecret(String imsClientSecret) {
        this.imsClientSecret = imsClientSecret;
    }

    public boolean isClearImsClientSecret() {
        return clearImsClientSecret;
    }

    public void setClearImsClientSecret(boolean clearImsClientSecret) {
        this.clearImsClientSecret = clearImsClientSecret;
    }

    public String getCallbackServer() {
        return callbackServer;
    }

    public void setCallbackServer(String callbackServer) {
        this.callbackServer = callbackServer;
    }

    public String getImsOrganizationId() {
        return imsOrganizationId;
    }

    public void setImsOrganizationId(String imsOrganizationId) {
        this.imsOrganizationId = imsOrganizationId;
    }

    public String getAssociationMask() {
        return associationMask;
    }

    public void setAssociationMask(String associationMask) {
        this.associationMask = associationMask;
    }

    public boolean isMaskIgnoresCase() {
        return maskIgnoresCase;
    }

    public void setMaskIgnoresCase(boolean maskIgnoresCase) {
        this.maskIgnoresCase = maskIgnoresCase;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getProductContext() {
        return productContext;
    }

    public void setProductContext(String productContext) {
        this.productContext = productContext;
    }

    public String getDirectoryServer() {
        return directoryServer;
    }

    public void setDirectoryServer(String directoryServer) {
        this.directoryServer = directoryServer;
    }

    public String getDirectoryClientId() {
        return directoryClientId;
    }

    public void setDirectoryClientId(String directoryClientId) {
        this.directoryClientId = directoryClientId;
    }

    public void setDirectoryClientSecret(String directoryClientSecret) {
        this.directoryClientSecret = directoryClientSecret;
    }

    public boolean isClearDirectoryClientSecret() {
        return clearDirectoryClientSecret;
    }

    public void setClearDirectoryClientSecret(boolean clearDirectoryClientSecret) {
        this.clearDirectoryClientSecret = clearDirectoryClientSecret;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public void setGroupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim;
    }

    public String getOrganizationClaim() {
        return organizationClaim;
    }

    public void setOrganizationClaim(String organizationClaim) {
        this.organizationClaim = organizationClaim;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getPreviewProfiles() {
        return previewProfiles;
    }

    public void setPreviewProfiles(String previewProfiles) {
        this.previewProfiles = previewProfiles;
    }

    @Override
    public String toString() {
        return "AccountForm[internalName=" + internalName + ", type=" + type + "]";
    }
}
