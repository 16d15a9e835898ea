package io.imsconnect.sandbox;

import static io.imsconnect.sandbox.ImsClient.json;
import static io.imsconnect.sandbox.ImsClient.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Technical accounts (docs/provider-facts.md#technical-accounts): a technical client's client-credentials token
 * stands for its technical account at the profile and organizations endpoints, and validate_token answers for
 * live access tokens of the named client only.
 */
class TechnicalAccountTest {

    static final String SCOPES = "openid,AdobeID,read_organizations,additional_info.projectedProductContext";
    static final String TECHNICAL_ID = "7F3E9A1B2C3D4E5F60718293@techacct.adobe.com";

    private final ImsClient client = new ImsClient(TestSandbox.shared());

    private String token() {
        HttpResponse<String> answer = client.postForm("/ims/token/v3", Map.of("grant_type", "client_credentials",
                "scope", SCOPES, "client_id", "acme-scripts", "client_secret", "scripts-secret"));
        assertThat(answer.statusCode()).isEqualTo(200);
        return (String) json(answer.body()).get("access_token");
    }

    private HttpResponse<String> validate(String token, String clientId, String header) {
        return client.postForm("/ims/validate_token/v1", Map.of("type", "access_token", "client_id", clientId,
                "token", token), "X-IMS-ClientId", header);
    }

    @Test
    void profileAndOrganizationsWhenTechnicalTokenThenTheTechnicalAccountsOwn() {
        String token = token();

        Map<String, Object> profile = json(client.get("/ims/profile/v1", "Authorization", "Bearer " + token).body());
        List<Object> orgs = jsonArray(client.get("/ims/organizations/v6", "Authorization", "Bearer " + token).body());

        assertThat(profile).containsEntry("userId", TECHNICAL_ID);
        assertThat((String) profile.get("email")).endsWith("@techacct.adobe.com");
        assertThat(orgs).hasSize(1);
        assertThat(orgs.get(0).toString()).contains("Campaign - acme - admin", "Campaign - acme - delivery");
    }

    @Test
    void validateTokenWhenLiveTokenOfTheNamedClientThenValid() {
        HttpResponse<String> answer = validate(token(), "acme-scripts", "acme-scripts");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body())).containsEntry("valid", true);
    }

    @Test
    void validateTokenWhenAnotherClientOrGarbageThenNotValid() {
        String token = token();

        assertThat(json(validate(token, "imsconnect-demo", "imsconnect-demo").body())).containsEntry("valid", false);
        assertThat(json(validate("garbage", "acme-scripts", "acme-scripts").body())).containsEntry("valid", false);
    }

    @Test
    void validateTokenWhenHeaderMissingOrDifferentThenBadRequest() {
        assertThat(validate(token(), "acme-scripts", "other").statusCode()).isEqualTo(400);
    }
}
