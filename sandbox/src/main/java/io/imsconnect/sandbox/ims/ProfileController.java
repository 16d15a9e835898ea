package io.imsconnect.sandbox.ims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.Organization;
import io.imsconnect.sandbox.data.ProductProfile;
import io.imsconnect.sandbox.data.SandboxUser;

/**
 * IMS's profile and organizations endpoints, answering in IMS's shapes.
 */
@RestController
class ProfileController {

    static final String PRODUCT_CONTEXT_SCOPE = "additional_info.projectedProductContext";

    static final String ORGANIZATIONS_SCOPE = "read_organizations";

    private final BearerTokens tokens;

    private final Directory directory;

    ProfileController(BearerTokens tokens, Directory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @GetMapping("/ims/profile/v1")
    ResponseEntity<Object> profile(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer) {
        OAuth2Authorization authorization = tokens.authorization(bearer).orElse(null);
        SandboxUser user = authorization == null ? null : tokens.holder(authorization).orElse(null);
        if (user == null) {
            return unauthorized();
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("userId", user.id());
        profile.put("email", user.email());
        profile.put("emailVerified", "true");
        profile.put("displayName", user.displayName());
        profile.put("name", user.displayName());
        profile.put("first_name", user.firstName());
        profile.put("last_name", user.lastName());
        profile.put("account_type", user.accountType());
        profile.put("countryCode", user.country());
        if (authorization.getAuthorizedScopes().contains(PRODUCT_CONTEXT_SCOPE)) {
            profile.put("projectedProductContext", productContexts(user));
        }
        return ResponseEntity.ok(profile);
    }

    @GetMapping("/ims/organizations/v6")
    ResponseEntity<Object> organizations(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer) {
        OAuth2Authorization authorization = tokens.authorization(bearer).orElse(null);
        SandboxUser user = authorization == null ? null : tokens.holder(authorization).orElse(null);
        if (user == null) {
            return unauthorized();
        }
        if (!authorization.getAuthorizedScopes().contains(ORGANIZATIONS_SCOPE)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "insufficient_scope"));
        }
        List<Map<String, Object>> orgs = new ArrayList<>();
        for (String orgId : user.memberships().keySet()) {
            Organization org = directory.organization(orgId).orElseThrow();
            List<Map<String, Object>> groups = new ArrayList<>();
            for (String name : groupNames(user, org)) {
                groups.add(Map.of("groupName", name, "groupDisplayName", name, "role", "GRP_MEMBER"));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("orgName", org.name());
            entry.put("orgRef", Map.of("ident", org.ident(), "authSrc", "AdobeOrg"));
            entry.put("orgType", "Enterprise");
            entry.put("groups", groups);
            orgs.add(entry);
        }
        return ResponseEntity.ok(orgs);
    }

    /** The user's user groups and product profiles in the org, inherited ones included. */
    private Set<String> groupNames(SandboxUser user, Organization org) {
        Set<String> names = new LinkedHashSet<>(directory.profiles(user, org.id(), false));
        names.addAll(user.membership(org.id()).groups());
        return names;
    }

    private List<Map<String, Object>> productContexts(SandboxUser user) {
        List<Map<String, Object>> contexts = new ArrayList<>();
        for (String orgId : user.memberships().keySet()) {
            Organization org = directory.organization(orgId).orElseThrow();
            for (String profileName : directory.profiles(user, orgId, false)) {
                ProductProfile profile = org.profile(profileName);
                Map<String, Object> prodCtx = new LinkedHashMap<>();
                prodCtx.put("serviceCode", profile.serviceCode());
                prodCtx.put("owningEntity", orgId);
                prodCtx.put("statusCode", "ACTIVE");
                prodCtx.put("label", profile.name());
                prodCtx.put("groupid", String.valueOf(Math.abs((orgId + profile.name()).hashCode())));
                prodCtx.put("ident", org.ident() + "-" + Math.abs(profile.name().hashCode()));
                prodCtx.put("tenant_id", org.tenant());
                contexts.add(Map.of("prodCtx", prodCtx));
            }
        }
        return contexts;
    }

    private static ResponseEntity<Object> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(Map.of("error", "invalid_token"));
    }
}
