package io.imsconnect.server.account;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.oidc;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static io.imsconnect.server.testing.AccountBodies.with;
import static io.imsconnect.server.testing.AccountBodies.without;
import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.AccountBodies;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class AccountApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    @Autowired
    AccountService accounts;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        assertThat(api.post("/api/v1/packages/ims/install", null).status()).isEqualTo(200);
    }

    @Test
    void putWhenNewAndValidThenCreatedWithScopeArrayRedirectUriAndSecretOnlyFlagged() {
        String name = unique("acct_");
        String secret = secret();

        Api.Response created = api.put("/api/v1/external-accounts/" + name, json(adobe(secret)));

        assertThat(created.status()).isEqualTo(201);
        JsonNode account = api.get("/api/v1/external-accounts/" + name).json();
        assertThat(account.path("type").asString()).isEqualTo("adobe-ims");
        assertThat(account.path("imsScope").toString()).isEqualTo("[\"openid\",\"AdobeID\",\"read_organizations\"]");
        assertThat(account.path("imsClientSecretSet").asBoolean()).isTrue();
        assertThat(account.path("directoryClientSecretSet").asBoolean()).isFalse();
        assertThat(account.has("imsClientSecret")).isFalse();
        assertThat(account.path("declaredInFile").asBoolean()).isFalse();
        assertThat(account.path("redirectUri").asString())
                .isEqualTo("https://campaign.example.com/login/oauth2/code/" + name);
        assertThat(created.body()).doesNotContain(secret);
        assertThat(accounts.imsClientSecret(name)).contains(secret);
    }

    @Test
    void putWhenSyncFieldsGivenThenStoredAndReadBackAndOmittedOnesTakeTheirDefaults() {
        String name = unique("sync_");
        Map<String, Object> body = with(with(adobe(secret()), "syncIntervalMinutes", 30), "syncPreCreate", true);

        assertThat(api.put("/api/v1/external-accounts/" + name, json(body)).status()).isEqualTo(201);

        JsonNode account = api.get("/api/v1/external-accounts/" + name).json();
        assertThat(account.path("syncIntervalMinutes").asInt()).isEqualTo(30);
        assertThat(account.path("syncPreCreate").asBoolean()).isTrue();
        assertThat(account.path("syncCapOperators").asInt()).isEqualTo(10);
        assertThat(account.path("syncCapPercent").asInt()).isEqualTo(5);
        assertThat(accounts.require(name).syncIntervalMinutes()).isEqualTo(30);
    }

    @Test
    void putWhenSyncIntervalUnderFifteenMinutesOrCapPercentOverHundredThenEachFieldNamed() {
        String name = unique("sync_");
        Map<String, Object> body = with(with(adobe(secret()), "syncIntervalMinutes", 14), "syncCapPercent", 101);

        Api.Response refused = api.put("/api/v1/external-accounts/" + name, json(body));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("syncIntervalMinutes")).containsExactly("range");
        assertThat(refused.errorCodes("syncCapPercent")).containsExactly("range");
        assertThat(refused.body()).contains("at least 15 minutes");
        assertThat(api.get("/api/v1/external-accounts/" + name).status()).isEqualTo(404);
    }

    @Test
    void putWhenSyncIntervalIsNotANumberThenInvalidValueNamingTheField() {
        Api.Response refused = api.put("/api/v1/external-accounts/" + unique("sync_"),
                json(with(adobe(secret()), "syncIntervalMinutes", "two hours")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCodes("syncIntervalMinutes")).containsExactly("invalidValue");
    }

    @Test
    void putWhenScopeIsAnArrayThenStoredAsGiven() {
        String name = unique("arr_");

        api.put("/api/v1/external-accounts/" + name,
                json(with(adobe(secret()), "imsScope", List.of("openid", "AdobeID"))));

        assertThat(api.get("/api/v1/external-accounts/" + name).json().path("imsScope").toString())
                .isEqualTo("[\"openid\",\"AdobeID\"]");
    }

    @Test
    void putWhenOptionalFieldsOmittedThenDefaultsApply() {
        String name = unique("min_");

        Api.Response created = api.put("/api/v1/external-accounts/" + name, "{}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode account = created.json();
        assertThat(account.path("type").asString()).isEqualTo("adobe-ims");
        assertThat(account.path("enabled").asBoolean()).isFalse();
        assertThat(account.path("maskIgnoresCase").asBoolean()).isTrue();
        assertThat(account.path("imsScope").toString()).isEqualTo(
                "[\"openid\",\"AdobeID\",\"read_organizations\",\"additional_info.projectedProductContext\"]");
    }

    @Test
    void putWhenExistingThenReplacedWith200AndOmittedSecretKept() {
        String name = unique("rep_");
        String secret = secret();
        api.put("/api/v1/external-accounts/" + name, json(adobe(secret)));

        Api.Response replaced = api.put("/api/v1/external-accounts/" + name,
                json(with(without(adobe(null), "imsClientSecret"), "label", "Renamed")));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("label").asString()).isEqualTo("Renamed");
        assertThat(replaced.json().path("imsClientSecretSet").asBoolean()).isTrue();
        assertThat(accounts.imsClientSecret(name)).contains(secret);
    }

    @Test
    void putWhenSecretIsEmptyStringThenCleared() {
        String name = unique("clr_");
        api.put("/api/v1/external-accounts/" + name, json(with(adobe(secret()), "enabled", false)));

        Api.Response cleared = api.put("/api/v1/external-accounts/" + name,
                json(with(with(adobe(""), "enabled", false), "directoryClientSecret", "")));

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("imsClientSecretSet").asBoolean()).isFalse();
        assertThat(accounts.imsClientSecret(name)).isEmpty();
    }

    @Test
    void putWhenSecretChangesThenAuditSaysChangedWithoutEitherValue() {
        String name = unique("aud_");
        String first = secret();
        String second = secret();
        api.put("/api/v1/external-accounts/" + name, json(adobe(first)));

        api.put("/api/v1/external-accounts/" + name, json(adobe(second)));
        api.put("/api/v1/external-accounts/" + name, json(with(adobe(null), "label", "Other")));

        JsonNode events = api.get("/api/v1/audit-events?targetType=externalAccount&limit=1000").json();
        List<JsonNode> mine = events.valueStream().filter(e -> name.equals(e.path("target").asString())).toList();
        assertThat(mine).extracting(e -> e.path("action").asString())
                .containsExactly("externalAccount.updated", "externalAccount.updated", "externalAccount.created");
        assertThat(mine.get(1).path("after").toString()).contains("\"imsClientSecret\":\"changed\"");
        assertThat(mine.get(0).path("after").toString()).contains("\"imsClientSecret\":\"unchanged\"");
        assertThat(events.toString()).doesNotContain(first).doesNotContain(second).doesNotContain("v1:");
    }

    @Test
    void putWhenNothingChangedThenNoAuditEvent() {
        String name = unique("same_");
        String secret = secret();
        api.put("/api/v1/external-accounts/" + name, json(adobe(secret)));
        int before = api.get("/api/v1/audit-events?targetType=externalAccount&limit=1000").json().size();

        Api.Response again = api.put("/api/v1/external-accounts/" + name, json(adobe(secret)));

        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit-events?targetType=externalAccount&limit=1000").json().size())
                .isEqualTo(before);
    }

    @Test
    void listWhenAccountsExistThenEachWithoutSecrets() {
        String name = unique("lst_");
        String secret = secret();
        api.put("/api/v1/external-accounts/" + name, json(with(adobe(secret), "directoryClientSecret", secret)));

        Api.Response list = api.get("/api/v1/external-accounts");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(a -> a.path("internalName").asString())).contains(name);
        assertThat(list.body()).doesNotContain(secret).doesNotContain("v1:");
    }

    @Test
    void deleteWhenExistingThenGoneAndAudited() {
        String name = unique("del_");
        api.put("/api/v1/external-accounts/" + name, json(adobe(secret())));

        assertThat(api.delete("/api/v1/external-accounts/" + name).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/external-accounts/" + name).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/external-accounts/" + name).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit-events?action=externalAccount.deleted").json().toString()).contains(name);
    }

    @Test
    void enabledWhenAccountSavedThenTheNextReadSeesTheChange() {
        String name = unique("live_");
        api.put("/api/v1/external-accounts/" + name, json(adobe(secret())));
        assertThat(accounts.enabled()).extracting(AccountSettings::internalName).contains(name);

        api.put("/api/v1/external-accounts/" + name, json(with(adobe(null), "enabled", false)));

        assertThat(accounts.enabled()).extracting(AccountSettings::internalName).doesNotContain(name);
        assertThat(accounts.find(name)).get().extracting(AccountSettings::enabled).isEqualTo(false);
    }

    @Test
    void everyAccountEndpointWhenOperatorLacksAdminRightThenForbidden() {
        String operator = unique("viewer");
        operators.createLocal(operator, "Viewer", "viewer-password-1", Set.of("report"));
        Api viewer = api.as(operator, "viewer-password-1");
        String body = json(adobe(secret()));

        assertThat(List.of(viewer.get("/api/v1/external-accounts"),
                viewer.get("/api/v1/external-accounts/Adobe_Marketing_Cloud"),
                viewer.put("/api/v1/external-accounts/" + unique("x"), body),
                viewer.delete("/api/v1/external-accounts/Adobe_Marketing_Cloud"),
                viewer.post("/api/v1/external-accounts/Adobe_Marketing_Cloud/test", null),
                viewer.post("/api/v1/association-mask/preview", "{\"mask\":\"(.*)\",\"profiles\":[\"a\"]}"),
                viewer.get("/api/v1/packages"),
                viewer.post("/api/v1/packages/ims/install", null)))
                .allSatisfy(response -> {
                    assertThat(response.status()).isEqualTo(403);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                });
        assertThat(api.get("/api/v1/external-accounts/Adobe_Marketing_Cloud").json().path("enabled").isBoolean())
                .isTrue();
    }

    @Nested
    class Refused {

        static Stream<Arguments> badFields() {
            Map<String, Object> adobe = adobe(secret());
            Map<String, Object> oidc = oidc("https://login.example.com/realms/acme", secret());
            return Stream.of(
                    Arguments.of("label", with(adobe, "label", "x".repeat(256)), "tooLong"),
                    Arguments.of("type", with(adobe, "type", "saml"), "invalid"),
                    Arguments.of("imsServer", with(adobe, "imsServer", "http://ims.example.com"), "url.notHttps"),
                    Arguments.of("imsServer", with(adobe, "imsServer", "ims-na1.adobelogin.com"), "url.invalid"),
                    Arguments.of("imsServer", with(adobe, "imsServer", "ftp://ims.example.com"), "url.notHttps"),
                    Arguments.of("imsServer", without(adobe, "imsServer"), "required.whenEnabled"),
                    Arguments.of("imsScope", with(adobe, "imsScope", List.of("open id")), "scope.invalid"),
                    Arguments.of("imsScope", with(adobe, "imsScope", Map.of("a", 1)), "invalidValue"),
                    Arguments.of("imsScope", with(adobe, "imsScope", 42), "invalidValue"),
                    Arguments.of("imsClientId", without(adobe, "imsClientId"), "required.whenEnabled"),
                    Arguments.of("imsClientSecret", without(adobe, "imsClientSecret"), "required.whenEnabled"),
                    Arguments.of("callbackServer", with(adobe, "callbackServer", "https://u:p@x.example.com"),
                            "url.userInfo"),
                    Arguments.of("callbackServer", with(adobe, "callbackServer", "https://x.example.com?a=b"),
                            "url.query"),
                    Arguments.of("callbackServer", with(adobe, "callbackServer", "https://x.example.com/#f"),
                            "url.fragment"),
                    Arguments.of("callbackServer", with(adobe, "callbackServer", "http://localhost:8080"),
                            "url.notHttps"),
                    Arguments.of("imsOrganizationId", with(adobe, "imsOrganizationId", "acme"),
                            "organizationId.invalid"),
                    Arguments.of("imsOrganizationId", without(adobe, "imsOrganizationId"), "required.whenEnabled"),
                    Arguments.of("associationMask", with(adobe, "associationMask", "Campaign - (.*"), "mask.syntax"),
                    Arguments.of("associationMask", with(adobe, "associationMask", "Campaign - acme"),
                            "mask.noCaptureGroup"),
                    Arguments.of("associationMask", with(adobe, "associationMask", "(.*)" + "x".repeat(1000)),
                            "mask.tooLong"),
                    Arguments.of("associationMask", without(adobe, "associationMask"), "required.whenEnabled"),
                    Arguments.of("server", with(adobe, "server", "not a url"), "url.invalid"),
                    Arguments.of("tenant", with(adobe, "tenant", "t".repeat(256)), "tooLong"),
                    Arguments.of("directoryServer", with(adobe, "directoryServer", "http://umapi.example.com"),
                            "url.notHttps"),
                    Arguments.of("enabled", with(adobe, "enabled", "yes"), "invalidValue"),
                    Arguments.of("internalName", with(adobe, "internalName", "Another_Name"), "pathMismatch"),
                    Arguments.of("owner", with(adobe, "owner", "me"), "unknownField"),
                    Arguments.of("groupsClaim", with(oidc, "groupsClaim", ""), "required.whenEnabled"),
                    Arguments.of("organizationClaim", with(oidc, "imsOrganizationId", "acme-corp"),
                            "required.whenEnabled"));
        }

        @ParameterizedTest(name = "{0} {2}")
        @MethodSource("badFields")
        void putWhenFieldBreaksARuleThenBadRequestNamingFieldAndNothingSaved(String field, Map<String, Object> body,
                String code) {
            String name = unique("bad_");

            Api.Response refused = api.put("/api/v1/external-accounts/" + name, json(body));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.errorCodes(field)).containsExactly(code);
            assertThat(api.get("/api/v1/external-accounts/" + name).status()).isEqualTo(404);
        }

        @Test
        void putWhenInternalNameInAddressInvalidThenBadRequestNamingInternalName() {
            Api.Response refused = api.put("/api/v1/external-accounts/9bad", json(adobe(secret())));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCodes("internalName")).containsExactly("internalName.invalid");
        }

        @Test
        void putWhenReplacingWithBadFieldThenStoredAccountUnchanged() {
            String name = unique("keep_");
            String secret = secret();
            api.put("/api/v1/external-accounts/" + name, json(adobe(secret)));

            Api.Response refused = api.put("/api/v1/external-accounts/" + name,
                    json(with(adobe(secret()), "callbackServer", "http://campaign.example.com")));

            assertThat(refused.errorCodes("callbackServer")).containsExactly("url.notHttps");
            assertThat(api.get("/api/v1/external-accounts/" + name).json().path("callbackServer").asString())
                    .isEqualTo(AccountBodies.CALLBACK);
            assertThat(accounts.imsClientSecret(name)).contains(secret);
        }

        @Test
        void putWhenSeveralFieldsBadThenEachNamed() {
            Api.Response refused = api.put("/api/v1/external-accounts/" + unique("many_"), json(with(with(
                    adobe(secret()), "imsServer", "http://ims.example.com"), "imsOrganizationId", "acme")));

            assertThat(refused.errorCodes("imsServer")).containsExactly("url.notHttps");
            assertThat(refused.errorCodes("imsOrganizationId")).containsExactly("organizationId.invalid");
        }
    }
}
