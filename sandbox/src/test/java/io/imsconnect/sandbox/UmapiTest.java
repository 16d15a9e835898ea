package io.imsconnect.sandbox;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.imsconnect.sandbox.ImsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Against the shared sandbox: demo data, pages of 2. */
class UmapiTest {

    private static final String USERS = "/v2/usermanagement/users/" + TestSandbox.ACME + "/";

    private final SandboxServer sandbox = TestSandbox.shared();

    private final ImsClient client = new ImsClient(sandbox);

    private final String token = client.directoryToken();

    @Test
    void usersFirstPageHasUmapiShapeAndPagingHeaders() {
        HttpResponse<String> response = client.umapi(token, USERS + "0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("4");
        assertThat(response.headers().firstValue("X-Page-Count")).hasValue("2");
        assertThat(response.headers().firstValue("X-Current-Page")).hasValue("0");
        assertThat(response.headers().firstValue("X-Page-Size")).hasValue("2");
        Map<String, Object> body = json(response.body());
        assertThat(body).containsEntry("lastPage", false).containsEntry("result", "success");
        List<?> users = (List<?>) body.get("users");
        assertThat(users).hasSize(2);
        Map<?, ?> alice = (Map<?, ?>) users.get(0);
        assertThat(alice.get("id")).isEqualTo(TestSandbox.ALICE);
        assertThat(alice.get("email")).isEqualTo("alice@acme.example");
        assertThat(alice.get("username")).isEqualTo("alice@acme.example");
        assertThat(alice.get("domain")).isEqualTo("acme.example");
        assertThat(alice.get("firstname")).isEqualTo("Alice");
        assertThat(alice.get("lastname")).isEqualTo("Archer");
        assertThat(alice.get("country")).isEqualTo("US");
        assertThat(alice.get("status")).isEqualTo("active");
        assertThat(alice.get("type")).isEqualTo("enterpriseID");
        assertThat(alice.get("groups")).isEqualTo(List.of("Campaign - acme - admin", "Campaign - acme - delivery"));
    }

    @Test
    void usersWhenStatusSetThroughTheSandboxThenListedWithItAndAnUnknownStatusRefused() {
        String status = "/sandbox/users/" + TestSandbox.BOB + "/orgs/" + TestSandbox.ACME + "/status";
        try {
            assertThat(client.send("PUT", status, "\"locked\"").statusCode()).isEqualTo(200);
            Map<?, ?> bob = (Map<?, ?>) ((List<?>) json(client.umapi(token, USERS + "0").body()).get("users")).get(1);
            assertThat(bob.get("email")).isEqualTo("bob@acme.example");
            assertThat(bob.get("status")).isEqualTo("locked");
            assertThat(client.send("PUT", status, "\"asleep\"").statusCode()).isEqualTo(400);
        } finally {
            client.send("PUT", status, "\"active\"");
        }
    }

    @Test
    void usersPagePastTheEndAnswersLastPage() {
        HttpResponse<String> response = client.umapi(token, USERS + "7");

        assertThat(response.headers().firstValue("X-Current-Page")).hasValue("1");
        Map<String, Object> body = json(response.body());
        assertThat(body).containsEntry("lastPage", true);
        assertThat(emails(body)).containsExactly("carol@acme.example", "erin@acme.example");
    }

    @Test
    void usersDirectOnlyByDefaultLeavesOutInheritedProfiles() {
        Map<?, ?> bob = (Map<?, ?>) ((List<?>) json(client.umapi(token, USERS + "0").body()).get("users")).get(1);

        assertThat(bob.get("groups")).isEqualTo(List.of("Campaign - acme - content", "Acme Marketing"));
    }

    @Test
    void usersWhenDirectOnlyFalseThenInheritedProfilesAdded() {
        Map<?, ?> bob = (Map<?, ?>) ((List<?>) json(client.umapi(token, USERS + "0?directOnly=false").body())
                .get("users")).get(1);

        assertThat(bob.get("groups"))
                .isEqualTo(List.of("Campaign - acme - content", "Campaign - acme - delivery", "Acme Marketing"));
    }

    @Test
    void usersWithoutAnyGroupHaveNoGroupsField() {
        Map<?, ?> erin = (Map<?, ?>) ((List<?>) json(client.umapi(token, USERS + "1").body()).get("users")).get(1);

        assertThat(erin.get("email")).isEqualTo("erin@acme.example");
        assertThat(erin.containsKey("groups")).isFalse();
    }

    @Test
    void groupMembersListsDirectMembersOfProfile() {
        HttpResponse<String> response = client.umapi(token,
                USERS + "0/" + "Campaign - acme - delivery".replace(" ", "%20"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emails(json(response.body()))).containsExactly("alice@acme.example");
    }

    @Test
    void groupMembersWhenDirectOnlyFalseThenMembersThroughUserGroups() {
        HttpResponse<String> response = client.umapi(token,
                USERS + "0/" + "Campaign - acme - delivery".replace(" ", "%20") + "?directOnly=false");

        assertThat(emails(json(response.body()))).containsExactly("alice@acme.example", "bob@acme.example");
    }

    @Test
    void groupMembersWhenGroupUnknownThenNotFound() {
        assertThat(client.umapi(token, USERS + "0/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void groupsListProfilesAndUserGroupsWithCounts() {
        HttpResponse<String> first = client.umapi(token, "/v2/usermanagement/groups/" + TestSandbox.ACME + "/0");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("5");
        Map<?, ?> admin = (Map<?, ?>) ((List<?>) json(first.body()).get("groups")).get(0);
        assertThat(admin.get("groupName")).isEqualTo("Campaign - acme - admin");
        assertThat(admin.get("type")).isEqualTo("PRODUCT_PROFILE");
        assertThat(((Number) admin.get("memberCount")).intValue()).isEqualTo(1);
        assertThat(admin.get("groupId")).isInstanceOf(Number.class);
        Map<?, ?> userGroup = (Map<?, ?>) ((List<?>) json(
                client.umapi(token, "/v2/usermanagement/groups/" + TestSandbox.ACME + "/2").body()).get("groups"))
                .get(0);
        assertThat(userGroup.get("groupName")).isEqualTo("Acme Marketing");
        assertThat(userGroup.get("type")).isEqualTo("USER_GROUP");
    }

    @Test
    void usersWhenApiKeyMissingThenForbidden() {
        HttpResponse<String> response = client.get(USERS + "0", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void usersWhenNoTokenThenUnauthorized() {
        assertThat(client.get(USERS + "0", "x-api-key", TestSandbox.DIRECTORY_CLIENT).statusCode()).isEqualTo(401);
    }

    @Test
    void usersWhenOrganizationUnknownThenNotFound() {
        assertThat(client.umapi(token, "/v2/usermanagement/users/000000000000000000000000@AdobeOrg/0").statusCode())
                .isEqualTo(404);
    }

    private static List<Object> emails(Map<String, Object> body) {
        return ((List<?>) body.get("users")).stream().map(u -> ((Map<?, ?>) u).get("email")).map(Object.class::cast)
                .toList();
    }
}
