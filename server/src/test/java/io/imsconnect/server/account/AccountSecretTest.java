package io.imsconnect.server.account;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static io.imsconnect.server.testing.AccountBodies.with;
import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.AccountBodies;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.InstanceTest;

/**
 * Secrets are write-only: never in an answer, a console page, the audit, the log (here at DEBUG for our code
 * and Spring MVC, TRACE for JDBC parameters) or the database in clear.
 */
@InstanceTest
@TestPropertySource(properties = { "logging.level.io.imsconnect=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.jdbc.core=TRACE" })
@ExtendWith(OutputCaptureExtension.class)
class AccountSecretTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretCipher cipher;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        api.installImsPackage();
    }

    @Test
    void saveWhenSecretsGivenThroughApiAndConsoleThenNeverShownLoggedAuditedOrStoredInClear(CapturedOutput output)
            throws Exception {
        String name = unique("sec_");
        String imsSecret = secret();
        String directorySecret = secret();
        String consoleSecret = secret();
        List<String> seen = new ArrayList<>();

        Api.Response put = api.put("/api/v1/external-accounts/" + name,
                json(with(adobe(imsSecret), "directoryClientSecret", directorySecret)));
        assertThat(put.status()).isEqualTo(201);
        seen.add(put.body());
        seen.add(api.get("/api/v1/external-accounts").body());
        seen.add(api.get("/api/v1/external-accounts/" + name).body());
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        seen.add(console.get("/admin/accounts/" + name).body());
        seen.add(console.postForm("/admin/accounts/" + name, "/admin/accounts/" + name + "/preview",
                Map.of("associationMask", "(.*)", "previewProfiles", "x", "imsClientSecret", consoleSecret)).body());
        assertThat(console.postForm("/admin/accounts/" + name, "/admin/accounts/" + name, form(consoleSecret))
                .statusCode()).isEqualTo(302);
        seen.add(console.get("/admin/accounts/" + name).body());
        seen.add(console.get("/admin/accounts").body());
        seen.add(console.get("/admin/audit").body());
        seen.add(api.get("/api/v1/audit-events?targetType=externalAccount&limit=1000").body());
        seen.add(output.getAll());
        seen.add(databaseAsText());

        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(imsSecret)
                .doesNotContain(directorySecret).doesNotContain(consoleSecret));
        assertThat(seen.get(4)).contains("id=\"secret-not-kept\"");
        assertThat(output.getAll()).as("Spring MVC logged the request body it read").contains("AccountRequest[");
        Map<String, Object> stored = jdbc.sql(
                "select ims_client_secret, directory_client_secret from external_account where internal_name = ?")
                .param(name).query().singleRow();
        assertThat(cipher.decrypt((String) stored.get("ims_client_secret"),
                AccountSecrets.SecretField.IMS_CLIENT.context(name))).isEqualTo(consoleSecret);
        assertThat(cipher.decrypt((String) stored.get("directory_client_secret"),
                AccountSecrets.SecretField.DIRECTORY_CLIENT.context(name))).isEqualTo(directorySecret);
    }

    private static Map<String, String> form(String imsSecret) {
        Map<String, String> form = new HashMap<>();
        form.put("label", "Saved in the console");
        form.put("type", "adobe-ims");
        form.put("enabled", "true");
        form.put("imsServer", "https://ims-na1.adobelogin.com");
        form.put("imsScope", "openid,AdobeID");
        form.put("imsClientId", "campaign-client");
        form.put("imsClientSecret", imsSecret);
        form.put("callbackServer", AccountBodies.CALLBACK);
        form.put("imsOrganizationId", AccountBodies.ORG);
        form.put("associationMask", "Campaign - acme - (.*)");
        form.put("maskIgnoresCase", "true");
        return form;
    }

    /** Every value of every table, as text (binary columns read as Latin-1). */
    private String databaseAsText() {
        StringBuilder text = new StringBuilder();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("external_account", "audit_event");
        for (String table : tables) {
            jdbc.sql("select * from " + table).query((ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    text.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value)).append('\t');
                }
                text.append('\n');
            });
        }
        return text.toString();
    }
}
