package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.OrgCheck;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading who signed in from IMS's profile and organizations answers, without a provider. */
class AdobeImsProviderTest {

    private static final String ACME = "A495E53C0123456789ABCDEF@AdobeOrg";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final JsonNode PROFILE = json("""
            {'userId':'u1','email':'alice@acme.example','displayName':'Alice A',
             'projectedProductContext':[{'prodCtx':{'serviceCode':'dma_campaign','owningEntity':'%s'}}]}"""
            .formatted(ACME));

    private static final JsonNode ORGANIZATIONS = json("""
            [{'orgName':'Globex','orgRef':{'ident':'0000000000000000000000AA','authSrc':'AdobeOrg'},
              'groups':[{'groupName':'Campaign - globex - admin'}]},
             {'orgName':'Acme','orgRef':{'ident':'A495E53C0123456789ABCDEF','authSrc':'AdobeOrg'},
              'groups':[{'groupName':'Campaign - acme - delivery'},{'groupName':'Acme Marketing'},{'noName':1}]}]""");

    @ParameterizedTest
    @CsvSource({ "A495E53C0123456789ABCDEF@AdobeOrg", "a495e53c0123456789abcdef@adobeorg" })
    void identityWhenMemberThenProfilesOfThatOrgOnly(String configuredOrg) {
        Identity identity = AdobeImsProvider.identity(configuredOrg, "u1", null, null, PROFILE, ORGANIZATIONS);

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.MEMBER);
        assertThat(identity.profiles()).containsExactly("Campaign - acme - delivery", "Acme Marketing");
    }

    @Test
    void identityWhenNotMemberThenNoProfilesAndTheOrgsSeenAreNamed() {
        Identity identity = AdobeImsProvider.identity("1111111111111111111111BB@AdobeOrg", "u1", null, null,
                PROFILE, ORGANIZATIONS);

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.NOT_MEMBER);
        assertThat(identity.profiles()).isEmpty();
        assertThat(identity.orgDetail())
                .isEqualTo("Your Adobe ID belongs to 0000000000000000000000AA@AdobeOrg, " + ACME + ".");
    }

    @Test
    void identityWhenNoOrganizationThenSaysSo() {
        Identity identity = AdobeImsProvider.identity(ACME, "u1", null, null, PROFILE, json("[]"));

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.NOT_MEMBER);
        assertThat(identity.orgDetail()).isEqualTo("Your Adobe ID belongs to no organization.");
    }

    @Test
    void identityWhenProfileHoldsProductContextsThenTheyAreRead() {
        Identity identity = AdobeImsProvider.identity(ACME, "u1", null, null, PROFILE, ORGANIZATIONS);

        assertThat(identity.productContexts()).containsExactly(new Identity.ProductContext("dma_campaign", ACME));
        assertThat(identity.holdsProductContext("dma_campaign", ACME)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "{'email':'p@acme.example','displayName':'Profile Name'}|id@acme.example|Token Name|p@acme.example|Profile Name",
        "{}|id@acme.example|Token Name|id@acme.example|Token Name",
        "{}|id@acme.example|NONE|id@acme.example|id@acme.example",
        "{'email':'p@acme.example'}|NONE|NONE|p@acme.example|p@acme.example" })
    void identityWhenProfileLacksNamesThenIdTokenThenEmail(String profile, String tokenEmail, String tokenName,
            String email, String name) {
        Identity identity = AdobeImsProvider.identity(ACME, "u1", tokenEmail, tokenName, json(profile), ORGANIZATIONS);

        assertThat(identity.subject()).isEqualTo("u1");
        assertThat(identity.email()).isEqualTo(email);
        assertThat(identity.displayName()).isEqualTo(name);
    }

    @Test
    void identityWhenNoProductContextsThenNone() {
        Identity identity = AdobeImsProvider.identity(ACME, "u1", null, null, json("{}"), ORGANIZATIONS);

        assertThat(identity.productContexts()).isEqualTo(List.of());
    }
}
