package io.imsconnect.server.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.core.mapping.OrgCheck;

import tools.jackson.databind.JsonNode;

/**
 * Reads who signed in from the identity provider, after Spring Security validated the ID token. IMS: the
 * profile ({@code /ims/profile/v1}: names, e-mail, product contexts) and the organizations
 * ({@code /ims/organizations/v6}: the org's {@code groups[].groupName} are the product profiles). OIDC: the
 * groups and organization claims of the ID token, or of userinfo when the ID token lacks them.
 */
@Component
class IdentityReader {

    private final RestClient http;
    private final ProviderMetadata providers;

    IdentityReader(IdentityProviderHttp http, ProviderMetadata providers) {
        this.http = http.restClient().build();
        this.providers = providers;
    }

    ExternalIdentity read(AccountSettings account, OidcUserRequest request) {
        return account.type() == AccountType.ADOBE_IMS ? ims(account, request) : oidc(account, request);
    }

    private ExternalIdentity ims(AccountSettings account, OidcUserRequest request) {
        OidcIdToken idToken = request.getIdToken();
        String ims = AccountSettings.withoutTrailingSlashes(account.imsServer());
        String token = request.getAccessToken().getTokenValue();
        JsonNode profile = get(ims + "/ims/profile/v1", token, "profile");
        JsonNode organizations = get(ims + "/ims/organizations/v6", token, "organizations");
        String userId = text(profile, "userId");
        if (userId != null && !userId.equals(idToken.getSubject())) {
            throw IdentityProviderException.mismatch("The IMS profile belongs to another user than the ID token");
        }
        List<ExternalIdentity.ProductContext> contexts = new ArrayList<>();
        for (JsonNode context : profile.path("projectedProductContext")) {
            JsonNode prodCtx = context.path("prodCtx");
            contexts.add(new ExternalIdentity.ProductContext(text(prodCtx, "serviceCode"),
                    text(prodCtx, "owningEntity")));
        }
        List<String> seen = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        OrgCheck orgCheck = OrgCheck.NOT_MEMBER;
        for (JsonNode org : organizations) {
            String id = text(org.path("orgRef"), "ident") + "@" + text(org.path("orgRef"), "authSrc");
            seen.add(id);
            if (id.equalsIgnoreCase(account.imsOrganizationId())) {
                orgCheck = OrgCheck.MEMBER;
                org.path("groups").forEach(group -> profiles.add(text(group, "groupName")));
            }
        }
        String email = firstNonNull(text(profile, "email"), idToken.getEmail());
        String name = firstNonNull(text(profile, "displayName"), idToken.getFullName(), email);
        String detail = seen.isEmpty() ? "Your Adobe ID belongs to no organization."
                : "Your Adobe ID belongs to " + String.join(", ", seen) + ".";
        return new ExternalIdentity(idToken.getSubject(), email, name, orgCheck, detail,
                profiles.stream().filter(Objects::nonNull).toList(), contexts);
    }

    private ExternalIdentity oidc(AccountSettings account, OidcUserRequest request) {
        OidcIdToken idToken = request.getIdToken();
        String groupsClaim = account.groupsClaim() == null ? AccountSettings.DEFAULT_GROUPS_CLAIM : account.groupsClaim();
        String orgClaim = account.organizationClaim();
        boolean checkOrg = account.imsOrganizationId() != null && !account.imsOrganizationId().isBlank();
        JsonNode userinfo = null;
        if (!idToken.hasClaim(groupsClaim) || (checkOrg && orgClaim != null && !idToken.hasClaim(orgClaim))) {
            String endpoint = providers.of(account).userinfoEndpoint();
            if (endpoint != null) {
                userinfo = get(endpoint, request.getAccessToken().getTokenValue(), "userinfo");
                if (userinfo.has("sub") && !idToken.getSubject().equals(text(userinfo, "sub"))) {
                    // OIDC Core §5.3.2: the userinfo sub must match the ID token's.
                    throw IdentityProviderException.mismatch("The userinfo answer belongs to another subject than the ID token");
                }
            }
        }
        List<String> profiles = idToken.hasClaim(groupsClaim) ? asList(idToken.getClaim(groupsClaim))
                : userinfo == null ? List.of() : asList(userinfo.path(groupsClaim));
        OrgCheck orgCheck = OrgCheck.NOT_CHECKED;
        String detail = "";
        if (checkOrg) {
            List<String> orgs = orgClaim == null ? List.of()
                    : idToken.hasClaim(orgClaim) ? asList(idToken.getClaim(orgClaim))
                            : userinfo == null ? List.of() : asList(userinfo.path(orgClaim));
            orgCheck = orgs.stream().anyMatch(account.imsOrganizationId()::equalsIgnoreCase) ? OrgCheck.MEMBER
                    : OrgCheck.NOT_MEMBER;
            detail = orgs.isEmpty() ? "The provider names no organization for you."
                    : "The provider names your organization(s) as " + String.join(", ", orgs) + ".";
        }
        String email = firstNonNull(idToken.getEmail(), userinfo == null ? null : text(userinfo, "email"));
        String name = firstNonNull(idToken.getFullName(), userinfo == null ? null : text(userinfo, "name"), email);
        return new ExternalIdentity(idToken.getSubject(), email, name, orgCheck, detail, profiles, List.of());
    }

    private JsonNode get(String url, String accessToken, String what) {
        try {
            JsonNode body = http.get().uri(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .retrieve().body(JsonNode.class);
            if (body == null) {
                throw new IdentityProviderException("The identity provider's " + what + " answer was empty", null);
            }
            return body;
        } catch (RestClientException e) {
            throw new IdentityProviderException(
                    "The identity provider's " + what + " could not be read: " + Failures.describe(e), e);
        }
    }

    private static List<String> asList(Object claim) {
        if (claim instanceof java.util.Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        if (claim instanceof JsonNode node) {
            if (node.isArray()) {
                List<String> values = new ArrayList<>();
                node.forEach(v -> values.add(v.asString()));
                return values;
            }
            return node.isString() ? List.of(node.asString()) : List.of();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
