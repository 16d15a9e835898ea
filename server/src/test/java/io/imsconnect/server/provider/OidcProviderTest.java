package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.OrgCheck;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading who signed in from an OpenID provider's ID-token claims and userinfo, without a provider. */
class OidcProviderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AccountSettings account(String organizationId, String organizationClaim) {
        return AccountSettings.builder().type(AccountType.OIDC).imsServer("https://login.example.com")
                .imsOrganizationId(organizationId).organizationClaim(organizationClaim).build();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void identityWhenTokenHoldsGroupsThenTheyAreTheProfiles() {
        Identity identity = OidcProvider.identity(account(null, null),
                Map.of("sub", "s1", "groups", List.of("campaign-delivery", "campaign-admin")), null);

        assertThat(identity.profiles()).containsExactly("campaign-delivery", "campaign-admin");
        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.NOT_CHECKED);
    }

    @Test
    void identityWhenTokenLacksGroupsThenUserinfosAreRead() {
        Identity identity = OidcProvider.identity(account(null, null), Map.of("sub", "s1"),
                json("{'sub':'s1','groups':['campaign-delivery'],'email':'u@acme.example','name':'U'}"));

        assertThat(identity.profiles()).containsExactly("campaign-delivery");
        assertThat(identity.email()).isEqualTo("u@acme.example");
        assertThat(identity.displayName()).isEqualTo("U");
    }

    @Test
    void identityWhenGroupsClaimIsOneStringThenOneProfile() {
        Identity identity = OidcProvider.identity(account(null, null), Map.of("sub", "s1", "groups", "campaign-x"),
                null);

        assertThat(identity.profiles()).containsExactly("campaign-x");
    }

    @Test
    void identityWhenNeitherHoldsGroupsThenNoProfiles() {
        Identity identity = OidcProvider.identity(account(null, null), Map.of("sub", "s1"), null);

        assertThat(identity.profiles()).isEmpty();
    }

    @Test
    void identityWhenOrganizationClaimMatchesIgnoringCaseThenMember() {
        Identity identity = OidcProvider.identity(account("ACME", "org_id"),
                Map.of("sub", "s1", "org_id", List.of("other", "acme")), null);

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.MEMBER);
    }

    @Test
    void identityWhenOrganizationClaimDiffersThenNotMemberAndTheOrgsAreNamed() {
        Identity identity = OidcProvider.identity(account("acme", "org_id"), Map.of("sub", "s1", "org_id", "globex"),
                null);

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.NOT_MEMBER);
        assertThat(identity.orgDetail()).isEqualTo("The provider names your organization(s) as globex.");
    }

    @Test
    void identityWhenOrganizationAskedButNoClaimThenNotMember() {
        Identity identity = OidcProvider.identity(account("acme", null), Map.of("sub", "s1"), null);

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.NOT_MEMBER);
        assertThat(identity.orgDetail()).isEqualTo("The provider names no organization for you.");
    }

    @Test
    void identityWhenOrganizationOnlyInUserinfoThenItIsRead() {
        Identity identity = OidcProvider.identity(account("acme", "org_id"), Map.of("sub", "s1"),
                json("{'sub':'s1','org_id':'acme'}"));

        assertThat(identity.orgCheck()).isEqualTo(OrgCheck.MEMBER);
    }

    @Test
    void identityWhenNoNameAnywhereThenTheEmail() {
        Identity identity = OidcProvider.identity(account(null, null), Map.of("sub", "s1", "email", "u@acme.example"),
                null);

        assertThat(identity.subject()).isEqualTo("s1");
        assertThat(identity.displayName()).isEqualTo("u@acme.example");
    }
}
