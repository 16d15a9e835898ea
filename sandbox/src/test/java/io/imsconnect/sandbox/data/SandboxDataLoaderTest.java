package io.imsconnect.sandbox.data;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SandboxDataLoaderTest {

    @Test
    void demoFileDeclaresTwoOrganizationsFiveUsersAndFiveClientsThreeOfThemTechnical() {
        SandboxData data = SandboxDataLoader.load(getClass().getResourceAsStream("/sandbox-demo.yml"));

        assertThat(data.organizations()).extracting(Organization::id)
                .containsExactly("A495E53C0123456789ABCDEF@AdobeOrg", "6B0F4B9A5E8C2D1A3F7E9C04@AdobeOrg");
        assertThat(data.users()).hasSize(5);
        assertThat(data.clients()).extracting(OAuthClient::clientId)
                .containsExactly("imsconnect-demo", "imsconnect-directory", "acme-scripts", "acme-reports",
                        "globex-scripts");
        assertThat(data.clients()).filteredOn(c -> c.type() == OAuthClient.Type.TECHNICAL)
                .allSatisfy(c -> assertThat(c.technicalAccount().id()).endsWith("@techacct.adobe.com"));
    }

    @Test
    void demoWebClientAllowsLoopbackAndHttpsCallbacksOnly() {
        OAuthClient web = SandboxDataLoader.load(getClass().getResourceAsStream("/sandbox-demo.yml")).clients().get(0);

        assertThat(web.allowsRedirectUri("http://localhost:8080/login/oauth2/code/Adobe_Marketing_Cloud")).isTrue();
        assertThat(web.allowsRedirectUri("https://campaign.example/login/oauth2/code/x")).isTrue();
        assertThat(web.allowsRedirectUri("http://campaign.example/login/oauth2/code/x")).isFalse();
        assertThat(web.allowsRedirectUri("http://localhost:8080/elsewhere")).isFalse();
    }

    @Test
    void loadWhenOrganizationIdMalformedThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> load("""
                organizations:
                  - id: acme@AdobeOrg
                """)).withMessageContaining("24 hex digits");
    }

    @Test
    void loadWhenUserNamesUnknownProfileThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> load("""
                organizations:
                  - id: A495E53C0123456789ABCDEF@AdobeOrg
                    profiles: [ a ]
                users:
                  - id: X@AdobeID
                    email: x@example.com
                    orgs:
                      A495E53C0123456789ABCDEF@AdobeOrg:
                        profiles: [ b ]
                """)).withMessageContaining("unknown profile");
    }

    @Test
    void loadWhenUserTypeUnknownThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> load("""
                users:
                  - id: X@AdobeID
                    email: x@example.com
                    type: robot
                """)).withMessageContaining("user type");
    }

    private static SandboxData load(String yaml) {
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return SandboxDataLoader.load(in);
    }
}
