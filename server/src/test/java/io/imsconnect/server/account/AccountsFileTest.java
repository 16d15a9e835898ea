package io.imsconnect.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
@TestPropertySource(properties = { "imsconnect.accounts-file=" + AccountsFileTest.FILE,
        "TEST_ACCOUNTS_IMS_SECRET=" + AccountsFileTest.SECRET })
class AccountsFileTest {

    static final String FILE = "src/test/resources/account/accounts.yml";
    static final String SECRET = "file-secret-4b1d0c3e";

    @LocalServerPort
    int port;

    @Autowired
    AccountsFile file;

    @Autowired
    AccountService accounts;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void startWhenFileDeclaresAccountsThenAppliedMarkedAndSecretResolvedFromTheEnvironment() {
        JsonNode adobe = api.get("/api/v1/external-accounts/Adobe_Marketing_Cloud").json();
        JsonNode oidc = api.get("/api/v1/external-accounts/Company_SSO").json();

        assertThat(adobe.path("declaredInFile").asBoolean()).isTrue();
        assertThat(adobe.path("enabled").asBoolean()).isTrue();
        assertThat(adobe.path("imsClientSecretSet").asBoolean()).isTrue();
        assertThat(accounts.imsClientSecret("Adobe_Marketing_Cloud")).contains(SECRET);
        assertThat(oidc.path("declaredInFile").asBoolean()).isTrue();
        assertThat(oidc.path("imsScope").toString()).isEqualTo("[\"openid\",\"profile\"]");
        assertThat(oidc.path("groupsClaim").asString()).isEqualTo("roles");
        assertThat(accounts.isPackageInstalled()).isTrue();
    }

    @Test
    void applyWhenFileUnchangedThenSameStateAndNoAuditEvent() {
        file.apply(Path.of(FILE));
        String before = api.get("/api/v1/external-accounts").body();
        int events = auditEvents();

        assertThat(file.apply(Path.of(FILE))).isEmpty();
        assertThat(file.apply(Path.of(FILE))).isEmpty();

        assertThat(api.get("/api/v1/external-accounts").body()).isEqualTo(before);
        assertThat(auditEvents()).isEqualTo(events);
        assertThat(accounts.imsClientSecret("Adobe_Marketing_Cloud")).contains(SECRET);
    }

    @Test
    void applyWhenAnAdministratorChangedADeclaredAccountThenTheFileWinsAgain() {
        JsonNode current = api.get("/api/v1/external-accounts/Company_SSO").json();
        api.put("/api/v1/external-accounts/Company_SSO", "{\"type\":\"oidc\",\"label\":\"Changed by hand\","
                + "\"imsServer\":\"" + current.path("imsServer").asString() + "\"}");
        assertThat(api.get("/api/v1/external-accounts/Company_SSO").json().path("declaredInFile").asBoolean())
                .isTrue();

        assertThat(file.apply(Path.of(FILE))).containsExactly("Company_SSO");

        JsonNode restored = api.get("/api/v1/external-accounts/Company_SSO").json();
        assertThat(restored.has("label")).isFalse();
        assertThat(restored.path("associationMask").asString()).isEqualTo("campaign-(.*)");
    }

    @Test
    void applyWhenAnEntryBreaksARuleThenFailsNamingTheEntryAndField(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                accounts:
                  - internalName: Bad_Account
                    type: oidc
                    callbackServer: http://campaign.example.com
                """);

        assertThatThrownBy(() -> file.apply(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Bad_Account").hasMessageContaining("callbackServer");
        assertThat(api.get("/api/v1/external-accounts/Bad_Account").status()).isEqualTo(404);
    }

    @Test
    void applyWhenAnEntryHasAnUnknownFieldThenFailsNamingIt(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("unknown.yml"), """
                accounts:
                  - internalName: Unknown_Field
                    type: oidc
                    clientSecret: oops
                """);

        assertThatThrownBy(() -> file.apply(bad)).hasMessageContaining("Unknown_Field")
                .hasMessageContaining("clientSecret");
    }

    @Test
    void applyWhenAPlaceholderIsNotSetThenFailsNamingTheFieldNotTheValue(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("placeholder.yml"), """
                accounts:
                  - internalName: Missing_Variable
                    type: oidc
                    imsClientSecret: ${NO_SUCH_VARIABLE_4711}
                """);

        assertThatThrownBy(() -> file.apply(bad)).hasMessageContaining("imsClientSecret");
    }

    @Test
    void applyWhenAnEntryNamesAFieldTwiceThenFailsNamingTheKeyAndLineNotTheValues(@TempDir Path dir)
            throws Exception {
        Path bad = Files.writeString(dir.resolve("duplicate.yml"), """
                accounts:
                  - internalName: Duplicate_Key
                    type: oidc
                    imsClientSecret: first-secret-value
                    imsClientSecret: second-secret-value
                """);

        assertThatThrownBy(() -> file.apply(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate key imsClientSecret").hasMessageContaining("line 5")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void consolePageWhenAccountComesFromTheFileThenAWarningBannerSaysTheFileWinsAtTheNextStart() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        String page = console.get("/admin/accounts/Company_SSO").body();

        assertThat(page).contains("id=\"declared-in-file\" class=\"alert alert-warning\" role=\"alert\"")
                .contains("values are applied again at the next start");
    }

    private int auditEvents() {
        return api.get("/api/v1/audit-events?targetType=externalAccount&limit=1000").json().size();
    }
}
