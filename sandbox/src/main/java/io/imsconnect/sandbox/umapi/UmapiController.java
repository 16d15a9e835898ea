package io.imsconnect.sandbox.umapi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.sandbox.SandboxProperties;
import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.Organization;
import io.imsconnect.sandbox.data.ProductProfile;
import io.imsconnect.sandbox.data.SandboxUser;
import io.imsconnect.sandbox.data.UserGroup;
import io.imsconnect.sandbox.ims.BearerTokens;

/**
 * The Admin Console User Management API's read calls, in UMAPI's shapes: pages from 0, a page past the end answers the
 * last page, paging headers, a per-client request limit.
 */
@RestController
@RequestMapping("/v2/usermanagement")
class UmapiController {

    static final String SCOPE = "user_management_sdk";

    private final BearerTokens tokens;

    private final RegisteredClientRepository clients;

    private final Directory directory;

    private final int pageSize;

    private final Throttle throttle;

    UmapiController(BearerTokens tokens, RegisteredClientRepository clients, Directory directory,
            SandboxProperties properties) {
        this.tokens = tokens;
        this.clients = clients;
        this.directory = directory;
        this.pageSize = properties.umapi().pageSize();
        this.throttle = new Throttle(properties.umapi().requestsPerMinute(), Clock.systemUTC());
    }

    @GetMapping("/users/{orgId}/{page}")
    ResponseEntity<Object> users(@PathVariable String orgId, @PathVariable int page,
            @RequestParam(defaultValue = "true") boolean directOnly,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestHeader(name = "x-api-key", required = false) String apiKey) {
        return guarded(bearer, apiKey, orgId, org -> {
            List<String> ids = directory.memberIds(orgId);
            return usersPage(org, ids.size(), (from, to) -> directory.users(ids.subList(from, to)), page, directOnly);
        });
    }

    @GetMapping("/users/{orgId}/{page}/{groupName}")
    ResponseEntity<Object> groupMembers(@PathVariable String orgId, @PathVariable int page,
            @PathVariable String groupName, @RequestParam(defaultValue = "true") boolean directOnly,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestHeader(name = "x-api-key", required = false) String apiKey) {
        return guarded(bearer, apiKey, orgId, org -> {
            if (!org.hasProfile(groupName) && !org.hasUserGroup(groupName)) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error("error.group.not_found"));
            }
            List<SandboxUser> members = directory.members(orgId).stream()
                    .filter(u -> groups(u, orgId, directOnly).contains(groupName)).toList();
            return usersPage(org, members.size(), members::subList, page, directOnly);
        });
    }

    @GetMapping("/groups/{orgId}/{page}")
    ResponseEntity<Object> groups(@PathVariable String orgId, @PathVariable int page,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestHeader(name = "x-api-key", required = false) String apiKey) {
        return guarded(bearer, apiKey, orgId, org -> {
            List<SandboxUser> members = directory.members(orgId);
            List<Map<String, Object>> all = new ArrayList<>();
            for (ProductProfile profile : org.profiles()) {
                long count = members.stream().filter(u -> u.membership(orgId).profiles().contains(profile.name()))
                        .count();
                all.add(group(org, profile.name(), "PRODUCT_PROFILE", count));
            }
            for (UserGroup userGroup : org.userGroups()) {
                long count = members.stream().filter(u -> u.membership(orgId).groups().contains(userGroup.name()))
                        .count();
                all.add(group(org, userGroup.name(), "USER_GROUP", count));
            }
            return page(all, page, "groups");
        });
    }

    private interface OrgCall {

        ResponseEntity<Object> answer(Organization org);
    }

    /** Bearer token of a client-credentials grant with the UMAPI scope, {@code x-api-key} = that client's ID. */
    private ResponseEntity<Object> guarded(String bearer, String apiKey, String orgId, OrgCall call) {
        OAuth2Authorization authorization = tokens.authorization(bearer).orElse(null);
        if (authorization == null || !authorization.getAuthorizedScopes().contains(SCOPE)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error_code", "401013", "message",
                    "Oauth token is not valid"));
        }
        RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
        if (client == null || apiKey == null || !apiKey.equals(client.getClientId())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error_code", "403003", "message",
                    "Api Key is invalid"));
        }
        OptionalLong retryAfter = throttle.acquire(client.getClientId());
        if (retryAfter.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()))
                    .body(Map.of("error_code", "429050", "message", "Too many requests"));
        }
        return directory.organization(orgId).map(call::answer)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(error("error.organization.not_found")));
    }

    /** The members in slice {@code [from, to)} of {@code total}: a page resolves only the users it shows. */
    private interface Members {

        List<SandboxUser> slice(int from, int to);
    }

    private ResponseEntity<Object> usersPage(Organization org, int total, Members members, int page,
            boolean directOnly) {
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<Map<String, Object>> users = new ArrayList<>();
        for (SandboxUser user : members.slice(Math.min(current * pageSize, total),
                Math.min((current + 1) * pageSize, total))) {
            users.add(user(user, org.id(), directOnly));
        }
        return paged(users, "users", total, pages, current);
    }

    private ResponseEntity<Object> page(List<Map<String, Object>> all, int page, String field) {
        int total = all.size();
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.min(Math.max(page, 0), pages - 1);
        return paged(all.subList(Math.min(current * pageSize, total), Math.min((current + 1) * pageSize, total)), field,
                total, pages, current);
    }

    private ResponseEntity<Object> paged(List<Map<String, Object>> items, String field, int total, int pages,
            int current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastPage", current == pages - 1);
        body.put("result", "success");
        body.put(field, items);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(total))
                .header("X-Page-Count", String.valueOf(pages)).header("X-Current-Page", String.valueOf(current))
                .header("X-Page-Size", String.valueOf(pageSize)).body(body);
    }

    private Map<String, Object> user(SandboxUser user, String orgId, boolean directOnly) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("email", user.email());
        json.put("status", user.membership(orgId).status());
        json.put("username", user.email());
        json.put("domain", user.domain());
        json.put("firstname", user.firstName());
        json.put("lastname", user.lastName());
        json.put("country", user.country());
        json.put("type", user.type());
        Set<String> groups = groups(user, orgId, directOnly);
        // UMAPI leaves "groups" out for a user in none
        if (!groups.isEmpty()) {
            json.put("groups", List.copyOf(groups));
        }
        return json;
    }

    /** Direct profiles and user groups; with {@code directOnly=false} also the profiles inherited through groups. */
    private Set<String> groups(SandboxUser user, String orgId, boolean directOnly) {
        Set<String> names = new LinkedHashSet<>(directory.profiles(user, orgId, directOnly));
        names.addAll(user.membership(orgId).groups());
        return names;
    }

    private static Map<String, Object> group(Organization org, String name, String type, long memberCount) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("groupId", Math.abs((long) (org.id() + "/" + name).hashCode()));
        json.put("groupName", name);
        json.put("type", type);
        json.put("memberCount", memberCount);
        return json;
    }

    private static Map<String, Object> error(String result) {
        return Map.of("result", result);
    }
}
