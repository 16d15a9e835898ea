package io.imsconnect.server.provider;

import static io.imsconnect.server.provider.JsonValues.firstNonNull;
import static io.imsconnect.server.provider.JsonValues.text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.OrgCheck;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;

import tools.jackson.databind.JsonNode;

/**
 * Adobe IMS ({@code adobe-ims}): IMS's documented endpoints, comma-separated scopes, identity from the profile
 * and organizations calls, IMS logout, the Admin Console API's directory scope, and the package "Integration
 * with the Adobe Experience Cloud". The facts are in docs/provider-facts.md.
 */
@Component
class AdobeImsProvider implements ProviderType {

    /** docs/provider-facts.md#directory-credentials: the directory (UMAPI) credential asks for these scopes. */
    static final String DIRECTORY_SCOPE = "openid,AdobeID,user_management_sdk";
    /** The package "Integration with the Adobe Experience Cloud"; see packages.ImsPackage. */
    static final String PACKAGE = "ims";

    private final ProviderClient http;
    private final ImsBearerTokens bearerTokens;

    AdobeImsProvider(ProviderClient http, Clock clock) {
        this.http = http;
        this.bearerTokens = new ImsBearerTokens(http, clock);
    }

    @Override
    public AccountType type() {
        return AccountType.ADOBE_IMS;
    }

    /** docs/provider-facts.md#discovery: IMS serves discovery under {@code /ims}. */
    @Override
    public String discoveryUrl(AccountSettings account) {
        return ims(account) + "/ims/.well-known/openid-configuration";
    }

    /** IMS's documented endpoints; discovery is read for the issuer only, which differs between documents. */
    @Override
    public Endpoints endpoints(AccountSettings account, ProviderMetadata.Metadata discovery) {
        String ims = ims(account);
        return new Endpoints(ims + "/ims/authorize/v2", ims + "/ims/token/v3", ims + "/ims/keys",
                ims + "/ims/userinfo/v2");
    }

    /** docs/provider-facts.md#scopes: IMS documents the scope list comma-separated. */
    @Override
    public String scopeSeparator() {
        return ",";
    }

    /**
     * docs/provider-facts.md#profile-and-organizations: the profile ({@code /ims/profile/v1}: names, e-mail,
     * product contexts) and the organizations ({@code /ims/organizations/v6}: the org's
     * {@code groups[].groupName} are the product profiles), asked at the same time.
     */
    @Override
    public Identity readIdentity(AccountSettings account, OidcUserRequest request) {
        OidcIdToken idToken = request.getIdToken();
        String token = request.getAccessToken().getTokenValue();
        List<JsonNode> answers = http.getJsonAll(token, List.of(
                new ProviderClient.Get(ims(account) + "/ims/profile/v1", "profile"),
                new ProviderClient.Get(ims(account) + "/ims/organizations/v6", "organizations")));
        JsonNode profile = answers.get(0);
        JsonNode organizations = answers.get(1);
        String userId = text(profile, "userId");
        if (userId != null && !userId.equals(idToken.getSubject())) {
            throw IdentityProviderException.mismatch("The IMS profile belongs to another user than the ID token");
        }
        return identity(account.imsOrganizationId(), idToken.getSubject(), idToken.getEmail(),
                idToken.getFullName(), profile, organizations);
    }

    /** The identity in the profile and organizations answers; pure, so it is tested without a provider. */
    static Identity identity(String organizationId, String subject, String fallbackEmail, String fallbackName,
            JsonNode profile, JsonNode organizations) {
        List<Identity.ProductContext> contexts = new ArrayList<>();
        for (JsonNode context : profile.path("projectedProductContext")) {
            JsonNode prodCtx = context.path("prodCtx");
            contexts.add(new Identity.ProductContext(text(prodCtx, "serviceCode"), text(prodCtx, "owningEntity")));
        }
        List<String> seen = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        OrgCheck orgCheck = OrgCheck.NOT_MEMBER;
        for (JsonNode org : organizations) {
            String id = text(org.path("orgRef"), "ident") + "@" + text(org.path("orgRef"), "authSrc");
            seen.add(id);
            if (id.equalsIgnoreCase(organizationId)) {
                orgCheck = OrgCheck.MEMBER;
                org.path("groups").forEach(group -> profiles.add(text(group, "groupName")));
            }
        }
        String email = firstNonNull(text(profile, "email"), fallbackEmail);
        String name = firstNonNull(text(profile, "displayName"), fallbackName, email);
        String detail = seen.isEmpty() ? "Your Adobe ID belongs to no organization."
                : "Your Adobe ID belongs to " + String.join(", ", seen) + ".";
        return new Identity(subject, email, name, orgCheck, detail,
                profiles.stream().filter(Objects::nonNull).toList(), contexts);
    }

    /** docs/provider-facts.md#technical-accounts: IMS access tokens name their client in {@code client_id}. */
    @Override
    public boolean routesBearer(AccountSettings account, Optional<UnverifiedClaims> token) {
        return token.map(claims -> claims.text("client_id")).filter(account.apiClientIds()::contains).isPresent();
    }

    @Override
    public BearerIdentity readBearer(AccountSettings account, String token, String clientSecret) {
        return bearerTokens.read(account, ims(account), token);
    }

    @Override
    public Optional<ProviderClient.Exchange> probeBearerCheck(AccountSettings account, String clientSecret) {
        return Optional.of(bearerTokens.validate(ims(account), account.apiClientIds().get(0),
                ImsBearerTokens.PROBE_TOKEN));
    }

    /** docs/provider-facts.md#logout: IMS logout returns to the instance's sign-in page. */
    @Override
    public Optional<String> logoutUri(AccountSettings account, String returnTo) {
        return Optional.of(UriComponentsBuilder.fromUriString(ims(account) + "/ims/logout/v1")
                .queryParam("client_id", "{client}").queryParam("redirect_uri", "{back}")
                .encode().buildAndExpand(account.imsClientId(), returnTo).toUriString());
    }

    @Override
    public Optional<String> directoryScope() {
        return Optional.of(DIRECTORY_SCOPE);
    }

    /** The Admin Console API, with a client-credentials token from IMS's token endpoint. */
    @Override
    public Optional<Directory> directory(AccountSettings account) {
        if (account.directoryServer() == null || account.directoryClientId() == null
                || account.imsOrganizationId() == null) {
            return Optional.empty();
        }
        return Optional.of(new UmapiDirectory(ims(account) + "/ims/token/v3", DIRECTORY_SCOPE,
                AccountSettings.withoutTrailingSlashes(account.directoryServer()), account.imsOrganizationId()));
    }

    @Override
    public Set<String> formSections() {
        return Set.of("experienceCloud", "directory");
    }

    @Override
    public Optional<String> requiredPackage() {
        return Optional.of(PACKAGE);
    }

    private static String ims(AccountSettings account) {
        return AccountSettings.withoutTrailingSlashes(account.imsServer());
    }
}
