package io.imsconnect.server.provider;

import java.util.ArrayList;
import java.util.List;

import io.imsconnect.core.sync.DirectoryUser;

import tools.jackson.databind.JsonNode;

/**
 * The Admin Console User Management API (docs/provider-facts.md#umapi-users): users' pages with the profiles
 * inherited through user groups ({@code directOnly=false}), stopping on {@code lastPage}, never on an empty page.
 * {@code id} may be missing (Adobe's examples leave it out); a user in no group has no {@code groups};
 * {@code adminRoles} lists what a user administers, not memberships, and is ignored.
 */
record UmapiDirectory(String tokenEndpoint, String scope, String server, String organizationId) implements Directory {

    @Override
    public String usersPage(int page) {
        return server + "/v2/usermanagement/users/" + organizationId + "/" + page + "?directOnly=false";
    }

    @Override
    public String groupsPage(int page) {
        return server + "/v2/usermanagement/groups/" + organizationId + "/" + page;
    }

    @Override
    public Page<String> productProfiles(JsonNode answer) {
        List<String> names = new ArrayList<>();
        for (JsonNode group : requireArray(answer, "groups")) {
            String name = JsonValues.text(group, "groupName");
            if (name != null && "PRODUCT_PROFILE".equals(JsonValues.text(group, "type"))) {
                names.add(name);
            }
        }
        return new Page<>(names, lastPage(answer));
    }

    @Override
    public Page<DirectoryUser> users(JsonNode answer) {
        List<DirectoryUser> users = new ArrayList<>();
        for (JsonNode user : requireArray(answer, "users")) {
            String id = JsonValues.text(user, "id");
            String email = JsonValues.text(user, "email");
            if (id != null || email != null) {
                users.add(new DirectoryUser(id, email, JsonValues.text(user, "status"),
                        JsonValues.asList(user.path("groups").isMissingNode() ? null : user.path("groups"))));
            }
        }
        return new Page<>(users, lastPage(answer));
    }

    private static JsonNode requireArray(JsonNode answer, String field) {
        if (answer == null || !answer.path(field).isArray() || !answer.path("lastPage").isBoolean()) {
            throw IdentityProviderException.mismatch("The Admin Console API's answer has no '" + field
                    + "' list or no 'lastPage'");
        }
        return answer.path(field);
    }

    @Override
    public boolean morePages(JsonNode answer) {
        return answer.path("lastPage").isBoolean() && !lastPage(answer);
    }

    private static boolean lastPage(JsonNode answer) {
        return answer.path("lastPage").asBoolean();
    }
}
