package io.imsconnect.server.account;

import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
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
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

/** The external-account and mask-preview pages over real HTTP, with a session and the CSRF token. */
@InstanceTest
class AccountConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        api.installImsPackage();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("internalName", "9bad"),
                Arguments.of("label", "x".repeat(256)),
                Arguments.of("type", "saml"),
                Arguments.of("imsServer", "http://ims.example.com"),
                Arguments.of("imsScope", "open\"id"),
                Arguments.of("imsClientId", ""),
                Arguments.of("callbackServer", "https://u:p@campaign.example.com"),
                Arguments.of("imsOrganizationId", "acme"),
                Arguments.of("associationMask", "Campaign - (.*"),
                Arguments.of("associationMask", "Campaign - acme"),
                Arguments.of("server", "not a url"),
                Arguments.of("directoryServer", "ftp://umapi.example.com"),
                Arguments.of("syncIntervalMinutes", "14"),
                Arguments.of("syncIntervalMinutes", "two hours"),
                Arguments.of("syncCapPercent", "101"),
                Arguments.of("syncCapOperators", "-1"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("badFields")
    void createFormWhenFieldBreaksARuleThenPageNamesTheFieldAndNothingIsSaved(String field, String value)
            throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = "internalName".equals(field) ? value : unique("form_");
        Map<String, String> form = validForm(name);
        form.put(field, value);

        HttpResponse<String> refused = console.postForm("/admin/accounts/new", "/admin/accounts/new", form);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Nothing was changed").contains("<code>" + field + "</code>")
                .contains("id=\"" + field + "-error\"");
        assertThat(api.get("/api/v1/external-accounts/" + name).status()).isIn(400, 404);
        assertThat(api.get("/api/v1/external-accounts").body()).doesNotContain("\"" + name + "\"");
    }

    @Test
    void createFormWhenValidThenSavedAndEditPageShowsTheRedirectUri() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = unique("ok_");

        HttpResponse<String> saved = console.postForm("/admin/accounts/new", "/admin/accounts/new", validForm(name));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/accounts/" + name);
        String page = console.get("/admin/accounts/" + name).body();
        assertThat(page).contains("https://campaign.example.com/login/oauth2/code/" + name);
        assertThat(api.get("/api/v1/external-accounts/" + name).json().path("imsClientSecretSet").asBoolean())
                .isTrue();
    }

    @Test
    void createFormWhenSyncFieldsGivenThenSavedAndShownInTheirFieldset() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = unique("ok_");
        Map<String, String> form = validForm(name);
        form.put("syncIntervalMinutes", "45");
        form.put("syncCapOperators", "3");
        form.put("syncPreCreate", "true");

        assertThat(console.postForm("/admin/accounts/new", "/admin/accounts/new", form).statusCode()).isEqualTo(302);

        JsonNode saved = api.get("/api/v1/external-accounts/" + name).json();
        assertThat(saved.path("syncIntervalMinutes").asInt()).isEqualTo(45);
        assertThat(saved.path("syncCapOperators").asInt()).isEqualTo(3);
        assertThat(saved.path("syncCapPercent").asInt()).isEqualTo(5);
        assertThat(saved.path("syncPreCreate").asBoolean()).isTrue();
        String page = console.get("/admin/accounts/" + name).body();
        assertThat(page).contains("id=\"directory-sync-settings\"").contains("value=\"45\"");
    }

    @Test
    void createFormWhenNameTakenThenPageNamesInternalNameAndExistingAccountKept() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        Map<String, String> form = validForm(AccountSettings.DEFAULT_INTERNAL_NAME);
        form.put("label", "Overwritten");

        HttpResponse<String> refused = console.postForm("/admin/accounts/new", "/admin/accounts/new", form);

        assertThat(refused.body()).contains("id=\"internalName-error\"");
        assertThat(api.get("/api/v1/external-accounts/" + AccountSettings.DEFAULT_INTERNAL_NAME).json().path("label")
                .asString()).isNotEqualTo("Overwritten");
    }

    @Test
    void editFormWhenSecretLeftEmptyThenStoredSecretKept() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = unique("edit_");
        console.postForm("/admin/accounts/new", "/admin/accounts/new", validForm(name));
        Map<String, String> form = validForm(name);
        form.put("imsClientSecret", "");
        form.put("label", "Edited");

        HttpResponse<String> saved = console.postForm("/admin/accounts/" + name, "/admin/accounts/" + name, form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/external-accounts/" + name).json().path("label").asString()).isEqualTo("Edited");
        assertThat(api.get("/api/v1/external-accounts/" + name).json().path("imsClientSecretSet").asBoolean())
                .isTrue();
    }

    @Test
    void deleteWhenPostedThenGone() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = unique("gone_");
        console.postForm("/admin/accounts/new", "/admin/accounts/new", validForm(name));

        HttpResponse<String> deleted = console.postForm("/admin/accounts/" + name,
                "/admin/accounts/" + name + "/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/external-accounts/" + name).status()).isEqualTo(404);
    }

    @Test
    void maskPreviewPageWhenProfilesGivenThenOneRowEach() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        String page = console.postForm("/admin/mask-preview", "/admin/mask-preview", Map.of("mask",
                "Campaign - acme - (.*)", "maskIgnoresCase", "true", "profiles",
                "Campaign - acme - delivery\nCampaign - acme - nosuch\n\nOther")).body();

        assertThat(page).contains("id=\"preview-row-0\" data-status=\"MAPPED\"")
                .contains("id=\"preview-row-1\" data-status=\"UNKNOWN_GROUP\"")
                .contains("id=\"preview-row-2\" data-status=\"NO_MATCH\"")
                .doesNotContain("preview-row-3");
    }

    @Test
    void maskPreviewPageWhenMaskInvalidThenPageNamesMask() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        String page = console.postForm("/admin/mask-preview", "/admin/mask-preview",
                Map.of("mask", "Campaign - (.*", "profiles", "x")).body();

        assertThat(page).contains("id=\"mask-error\"").contains("Nothing was changed").doesNotContain("preview-row-0");
    }

    @Test
    void pagesWhenOperatorLacksAdminRightThenForbiddenAndNotLinked() throws Exception {
        String name = unique("viewer");
        operators.createLocal(name, "Viewer", "viewer-password-1", Set.of("report"));
        ConsoleSession console = ConsoleSession.signIn(port, name, "viewer-password-1");

        assertThat(console.get("/").body()).doesNotContain("nav-accounts").doesNotContain("nav-mask-preview");
        for (String page : new String[] { "/admin/accounts", "/admin/accounts/new",
                "/admin/accounts/Adobe_Marketing_Cloud", "/admin/mask-preview" }) {
            assertThat(console.get(page).statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    void homeWhenAdminThenLinksAccountsAndMaskPreview() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        assertThat(console.get("/").body()).contains("id=\"nav-accounts\"").contains("id=\"nav-mask-preview\"");
    }

    private static Map<String, String> validForm(String name) {
        Map<String, String> form = new HashMap<>();
        form.put("internalName", name);
        form.put("label", "Console account");
        form.put("type", "adobe-ims");
        form.put("enabled", "true");
        form.put("imsServer", "https://ims-na1.adobelogin.com");
        form.put("imsScope", "openid,AdobeID");
        form.put("imsClientId", "campaign-client");
        form.put("imsClientSecret", AccountBodies.secret());
        form.put("callbackServer", AccountBodies.CALLBACK);
        form.put("imsOrganizationId", AccountBodies.ORG);
        form.put("associationMask", "Campaign - acme - (.*)");
        form.put("maskIgnoresCase", "true");
        form.put("server", "https://experience.adobe.com");
        form.put("directoryServer", "https://usermanagement.adobe.io/v2/usermanagement");
        return form;
    }

}
