package io.imsconnect.server.provider;

import static io.imsconnect.server.provider.JsonValues.asList;
import static io.imsconnect.server.provider.JsonValues.firstNonNull;
import static io.imsconnect.server.provider.JsonValues.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Component;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.OrgCheck;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;

import tools.jackson.databind.JsonNode;

/**
 * Any OpenID Connect provider ({@code oidc}): endpoints from discovery, space-separated scopes (RFC 6749
 * §3.3), groups and organization from the ID token's claims or, when it lacks them, from userinfo. Its
 * session ends locally only.
 */
@Component
class OidcProvider implements ProviderType {

    private final ProviderClient http;
    private final ProviderMetadata metadata;
    private final OidcBearerTokens bearerTokens;

    OidcProvider(ProviderClient http, ProviderMetadata metadata) {
        this.http = http;
        this.metadata = metadata;
        this.bearerTokens = new OidcBearerTokens(http, metadata);
    }

    @Override
    public AccountType type() {
        return AccountType.OIDC;
    }

    /** OpenID Connect Discovery 1.0 §4: {@code {issuer}/.well-known/openid-configuration}. */
    @Override
    public String discoveryUrl(AccountSettings account) {
        return AccountSettings.withoutTrailingSlashes(account.imsServer()) + "/.well-known/openid-configuration";
    }

    @Override
    public Endpoints endpoints(AccountSettings account, ProviderMetadata.Metadata discovery) {
        return new Endpoints(discovery.authorizationEndpoint(), discovery.tokenEndpoint(), discovery.jwksUri(),
                discovery.userinfoEndpoint());
    }

    /** RFC 6749 §3.3: space-separated. */
    @Override
    public String scopeSeparator() {
        return " ";
    }

    @Override
    public Identity readIdentity(AccountSettings account, OidcUserRequest request) {
        OidcIdToken idToken = request.getIdToken();
        String groupsClaim = groupsClaim(account);
        String orgClaim = account.organizationClaim();
        JsonNode userinfo = null;
        if (!idToken.hasClaim(groupsClaim) || (checksOrganization(account) && orgClaim != null
                && !idToken.hasClaim(orgClaim))) {
            String endpoint = metadata.of(discoveryUrl(account)).userinfoEndpoint();
            if (endpoint != null) {
                userinfo = http.getJson(endpoint, request.getAccessToken().getTokenValue(), "userinfo");
                if (userinfo.has("sub") && !idToken.getSubject().equals(text(userinfo, "sub"))) {
                    // OIDC Core §5.3.2: the userinfo sub must match the ID token's.
                    throw IdentityProviderException.mismatch(
                            "The userinfo answer belongs to another subject than the ID token");
                }
            }
        }
        return identity(account, idToken.getClaims(), userinfo);
    }

    /** The identity in the ID token's claims, completed by userinfo; pure, so it is tested without a provider. */
    static Identity identity(AccountSettings account, Map<String, Object> claims, JsonNode userinfo) {
        String groupsClaim = groupsClaim(account);
        String orgClaim = account.organizationClaim();
        List<String> profiles = claims.containsKey(groupsClaim) ? asList(claims.get(groupsClaim))
                : userinfo == null ? List.of() : asList(userinfo.path(groupsClaim));
        OrgCheck orgCheck = OrgCheck.NOT_CHECKED;
        String detail = "";
        if (checksOrganization(account)) {
            List<String> orgs = orgClaim == null ? List.of()
                    : claims.containsKey(orgClaim) ? asList(claims.get(orgClaim))
                            : userinfo == null ? List.of() : asList(userinfo.path(orgClaim));
            orgCheck = orgs.stream().anyMatch(account.imsOrganizationId()::equalsIgnoreCase) ? OrgCheck.MEMBER
                    : OrgCheck.NOT_MEMBER;
            detail = orgs.isEmpty() ? "The provider names no organization for you."
                    : "The provider names your organization(s) as " + String.join(", ", orgs) + ".";
        }
        String email = firstNonNull(claimText(claims, "email"), userinfo == null ? null : text(userinfo, "email"));
        String name = firstNonNull(claimText(claims, "name"), userinfo == null ? null : text(userinfo, "name"), email);
        return new Identity(String.valueOf(claims.get("sub")), email, name, orgCheck, detail, profiles, List.of());
    }

    /**
     * A JWT by its issuer (the account's override, else discovery's); an opaque token goes to the accounts that
     * introspect.
     */
    @Override
    public boolean routesBearer(AccountSettings account, Optional<UnverifiedClaims> token) {
        if (token.isEmpty()) {
            return account.introspectionEndpoint() != null;
        }
        String issuer = token.get().text("iss");
        if (issuer == null) {
            return false;
        }
        if (account.issuer() != null) {
            return issuer.equals(account.issuer());
        }
        try {
            return issuer.equals(metadata.of(discoveryUrl(account)).issuer());
        } catch (IdentityProviderException unreachable) {
            return issuer.equals(AccountSettings.withoutTrailingSlashes(account.imsServer()));
        }
    }

    @Override
    public BearerIdentity readBearer(AccountSettings account, String token, String clientSecret) {
        return bearerTokens.read(account, discoveryUrl(account), token, clientSecret);
    }

    @Override
    public Optional<ProviderClient.Exchange> probeBearerCheck(AccountSettings account, String clientSecret) {
        return account.introspectionEndpoint() == null ? Optional.empty()
                : Optional.of(bearerTokens.introspection(account, "imsconnect-connection-test", clientSecret));
    }

    @Override
    public Optional<String> logoutUri(AccountSettings account, String returnTo) {
        return Optional.empty();
    }

    /** A standard OpenID provider has no standard directory of users and their groups. */
    @Override
    public Optional<Directory> directory(AccountSettings account) {
        return Optional.empty();
    }

    @Override
    public Optional<String> directoryScope() {
        return Optional.empty();
    }

    @Override
    public Set<String> formSections() {
        return Set.of("oidcClaims", "accessTokens");
    }

    @Override
    public Optional<String> requiredPackage() {
        return Optional.empty();
    }

    private static String groupsClaim(AccountSettings account) {
        return account.groupsClaim() == null ? AccountSettings.DEFAULT_GROUPS_CLAIM : account.groupsClaim();
    }

    private static boolean checksOrganization(AccountSettings account) {
        return account.imsOrganizationId() != null && !account.imsOrganizationId().isBlank();
    }

    private static String claimText(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
