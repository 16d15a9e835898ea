package io.imsconnect.sandbox;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.imsconnect.sandbox.data.Membership;

import static io.imsconnect.sandbox.ImsClient.json;
import static io.imsconnect.sandbox.ImsClient.location;
import static io.imsconnect.sandbox.ImsClient.query;
import static org.assertj.core.api.Assertions.assertThat;

class ImsEndpointsTest {

    static final String LOGIN_SCOPE = "openid,AdobeID,read_organizations,additional_info.projectedProductContext";

    private final SandboxServer sandbox = TestSandbox.shared();

    private final ImsClient client = new ImsClient(sandbox);

    @AfterEach
    void restoreAlice() {
        sandbox.directory().changeMembership(TestSandbox.ALICE, TestSandbox.ACME,
                new Membership(List.of("Campaign - acme - admin", "Campaign - acme - delivery"), List.of()));
    }

    @Test
    void discoveryListsImsShapedEndpoints() {
        HttpResponse<String> response = client.get("/ims/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> config = json(response.body());
        String issuer = sandbox.issuer();
        assertThat(config).containsEntry("issuer", issuer)
                .containsEntry("authorization_endpoint", issuer + "/authorize/v2")
                .containsEntry("token_endpoint", issuer + "/token/v3").containsEntry("jwks_uri", issuer + "/keys")
                .containsEntry("userinfo_endpoint", issuer + "/userinfo/v2")
                .containsEntry("revocation_endpoint", issuer + "/revoke")
                .containsEntry("end_session_endpoint", issuer + "/logout/v1");
    }

    @Test
    void keysPublishRs256KeyWithImsKeyId() throws Exception {
        JWKSet keys = JWKSet.parse(client.get("/ims/keys").body());

        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.getKeyID()).startsWith("ims_na1-key-");
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
    }

    @Test
    void authorizationCodeWithPkceGivesIdTokenSignedByPublishedKey() throws Exception {
        Map<String, Object> tokens = client.signIn("alice@acme.example", LOGIN_SCOPE);

        assertThat(tokens).containsKeys("access_token", "id_token").containsEntry("sub", TestSandbox.ALICE);
        assertThat(((Number) tokens.get("expires_in")).longValue()).isBetween(86_000L, 86_400L);
        SignedJWT idToken = SignedJWT.parse((String) tokens.get("id_token"));
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) JWKSet.parse(client.get("/ims/keys").body()).getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(sandbox.issuer());
        assertThat(claims.getSubject()).isEqualTo(TestSandbox.ALICE);
        assertThat(claims.getAudience()).containsExactly(TestSandbox.WEB_CLIENT);
        assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-456");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@acme.example");
        assertThat(claims.getStringClaim("name")).isEqualTo("Alice Archer");
        assertThat(claims.getStringClaim("org_id")).isEqualTo(TestSandbox.ACME);
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void authorizeWhenScopesSpaceSeparatedThenCodeIssued() {
        String location = client.authorize(
                ImsClient.authorizeParams("openid AdobeID read_organizations", ImsClient.Pkce.create()),
                "alice@acme.example", "password");

        assertThat(location).startsWith(ImsClient.REDIRECT_URI);
        assertThat(query(location)).containsKey("code").containsEntry("state", "state-123");
    }

    @Test
    void tokenWhenPkceVerifierMissingThenInvalidGrant() {
        String location = client.authorize(ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create()),
                "alice@acme.example", "password");

        HttpResponse<String> token = client.exchange(query(location).get("code"), null);

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(json(token.body())).containsEntry("error", "invalid_grant");
    }

    @Test
    void tokenWhenClientSecretPostThenTokensIssued() {
        ImsClient.Pkce pkce = ImsClient.Pkce.create();
        String location = client.authorize(ImsClient.authorizeParams(LOGIN_SCOPE, pkce), "alice@acme.example",
                "password");

        HttpResponse<String> token = client.postForm("/ims/token/v3",
                Map.of("grant_type", "authorization_code", "code", query(location).get("code"), "redirect_uri",
                        ImsClient.REDIRECT_URI, "code_verifier", pkce.verifier(), "client_id", TestSandbox.WEB_CLIENT,
                        "client_secret", TestSandbox.WEB_SECRET));

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json(token.body())).containsKeys("id_token", "access_token");
    }

    @Test
    void signInWhenPasswordWrongThenBackToSignInPageWithError() {
        String location = client.authorize(ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create()),
                "alice@acme.example", "wrong");

        assertThat(location).contains("/ims/login?error");
    }

    @Test
    void authorizeWhenRedirectUriMatchesNoPatternThenBadRequestWithoutRedirect() {
        Map<String, String> params = ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create());
        params.put("redirect_uri", "http://evil.example/login/oauth2/code/x");

        HttpResponse<String> response = client.get("/ims/authorize/v2?" + form(params));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void authorizeWhenPromptLoginThenSignInFormEvenWithSession() {
        client.signIn("alice@acme.example", LOGIN_SCOPE);
        Map<String, String> params = ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create());

        HttpResponse<String> withSession = client.get("/ims/authorize/v2?" + form(params));
        params.put("prompt", "login");
        HttpResponse<String> forced = client.get("/ims/authorize/v2?" + form(params));

        assertThat(location(withSession)).startsWith(ImsClient.REDIRECT_URI);
        assertThat(location(forced)).contains("/ims/login");
    }

    @Test
    void promptLoginWhenSignedInAgainThenCodeIssued() {
        client.signIn("alice@acme.example", LOGIN_SCOPE);
        Map<String, String> params = ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create());
        params.put("prompt", "login");

        String location = client.authorize(params, "bob@acme.example", "password");

        assertThat(query(location)).containsKey("code");
    }

    @Test
    void profileWithProductContextScopeListsProdCtx() {
        String accessToken = (String) client.signIn("alice@acme.example", LOGIN_SCOPE).get("access_token");

        Map<String, Object> profile = json(client.get("/ims/profile/v1", "Authorization", "Bearer " + accessToken).body());

        assertThat(profile).containsEntry("userId", TestSandbox.ALICE).containsEntry("email", "alice@acme.example")
                .containsEntry("displayName", "Alice Archer").containsEntry("first_name", "Alice")
                .containsEntry("last_name", "Archer").containsEntry("account_type", "ent");
        List<?> contexts = (List<?>) profile.get("projectedProductContext");
        assertThat(contexts).hasSize(2);
        Map<?, ?> prodCtx = (Map<?, ?>) ((Map<?, ?>) contexts.get(0)).get("prodCtx");
        assertThat(prodCtx.get("serviceCode")).isEqualTo("dma_campaign");
        assertThat(prodCtx.get("owningEntity")).isEqualTo(TestSandbox.ACME);
        assertThat(prodCtx.get("label")).isEqualTo("Campaign - acme - admin");
        assertThat(prodCtx.get("tenant_id")).isEqualTo("acme");
        assertThat(prodCtx.containsKey("statusCode") && prodCtx.containsKey("groupid") && prodCtx.containsKey("ident")).isTrue();
    }

    @Test
    void profileWithoutProductContextScopeOmitsProdCtx() {
        String accessToken = (String) client.signIn("alice@acme.example", "openid,AdobeID").get("access_token");

        Map<String, Object> profile = json(client.get("/ims/profile/v1", "Authorization", "Bearer " + accessToken).body());

        assertThat(profile).containsEntry("userId", TestSandbox.ALICE).doesNotContainKey("projectedProductContext");
    }

    @Test
    void profileWithoutTokenThenUnauthorized() {
        assertThat(client.get("/ims/profile/v1").statusCode()).isEqualTo(401);
    }

    @Test
    void organizationsListOrgRefAndInheritedGroups() {
        String accessToken = (String) client.signIn("bob@acme.example", LOGIN_SCOPE).get("access_token");

        List<Object> orgs = ImsClient.jsonArray(
                client.get("/ims/organizations/v6", "Authorization", "Bearer " + accessToken).body());

        assertThat(orgs).hasSize(1);
        Map<?, ?> org = (Map<?, ?>) orgs.get(0);
        assertThat(org.get("orgName")).isEqualTo("Acme");
        assertThat(org.get("orgRef")).isEqualTo(Map.of("ident", "A495E53C0123456789ABCDEF", "authSrc", "AdobeOrg"));
        assertThat(groupNames(org)).containsExactly("Campaign - acme - content", "Campaign - acme - delivery", "Acme Marketing");
    }

    @Test
    void organizationsWithoutReadOrganizationsScopeThenForbidden() {
        String accessToken = (String) client.signIn("bob@acme.example", "openid,AdobeID").get("access_token");

        assertThat(client.get("/ims/organizations/v6", "Authorization", "Bearer " + accessToken).statusCode())
                .isEqualTo(403);
    }

    @Test
    void secondSignInAfterSandboxChangedProfilesSeesNewProfiles() {
        client.signIn("alice@acme.example", LOGIN_SCOPE);
        HttpResponse<String> change = client.send("PUT",
                "/sandbox/users/" + TestSandbox.ALICE + "/orgs/" + TestSandbox.ACME + "/profiles",
                "[\"Campaign - acme - content\"]");
        assertThat(change.statusCode()).isEqualTo(200);

        String accessToken = (String) client.signIn("alice@acme.example", LOGIN_SCOPE).get("access_token");
        List<Object> orgs = ImsClient.jsonArray(
                client.get("/ims/organizations/v6", "Authorization", "Bearer " + accessToken).body());

        assertThat(groupNames((Map<?, ?>) orgs.get(0))).containsExactly("Campaign - acme - content");
    }

    @Test
    void renameThenTheNextIdTokenCarriesTheNewName() throws Exception {
        String dave = "4D5E6F7A8B9C0D1E2F3A4B5C@AdobeID";
        HttpResponse<String> rename = client.send("PUT", "/sandbox/users/" + dave + "/name",
                "{\"firstName\":\"<b>Dave</b>\",\"lastName\":\"Doe\"}");
        try {
            assertThat(rename.statusCode()).isEqualTo(200);
            SignedJWT idToken = SignedJWT.parse((String) client.signIn("dave@globex.example", LOGIN_SCOPE)
                    .get("id_token"));
            assertThat(idToken.getJWTClaimsSet().getStringClaim("name")).isEqualTo("<b>Dave</b> Doe");
        } finally {
            client.send("PUT", "/sandbox/users/" + dave + "/name", "{\"firstName\":\"Dave\",\"lastName\":\"Dalton\"}");
        }
    }

    @Test
    void changeProfilesWhenProfileUnknownThenBadRequest() {
        HttpResponse<String> change = client.send("PUT",
                "/sandbox/users/" + TestSandbox.ALICE + "/orgs/" + TestSandbox.ACME + "/profiles", "[\"No such\"]");

        assertThat(change.statusCode()).isEqualTo(400);
    }

    @Test
    void userinfoAnswersImsClaims() {
        String accessToken = (String) client.signIn("erin@acme.example", LOGIN_SCOPE).get("access_token");

        Map<String, Object> info = json(client.get("/ims/userinfo/v2", "Authorization", "Bearer " + accessToken).body());

        assertThat(info).containsEntry("sub", "5E6F7A8B9C0D1E2F3A4B5C6D@AdobeID").containsEntry("account_type", "ind")
                .containsEntry("email", "erin@acme.example").containsEntry("email_verified", true)
                .containsEntry("name", "Erin Evans").containsEntry("given_name", "Erin")
                .containsEntry("family_name", "Evans");
    }

    @Test
    void userinfoCarriesTheFirstOrganizationAndItsProfilesForStandardOidcClients() {
        String accessToken = (String) client.signIn("alice@acme.example", LOGIN_SCOPE).get("access_token");

        Map<String, Object> info = json(client.get("/ims/userinfo/v2", "Authorization", "Bearer " + accessToken).body());

        assertThat(info).containsEntry("org_id", "A495E53C0123456789ABCDEF@AdobeOrg");
        assertThat(info.get("groups")).asList().containsExactlyInAnyOrder("Campaign - acme - admin",
                "Campaign - acme - delivery");
    }

    @Test
    void revokedAccessTokenNoLongerReadsProfile() {
        String accessToken = (String) client.signIn("alice@acme.example", LOGIN_SCOPE).get("access_token");

        HttpResponse<String> revoke = client.postForm("/ims/revoke",
                Map.of("token", accessToken, "token_type_hint", "access_token"), "Authorization",
                ImsClient.basic(TestSandbox.WEB_CLIENT, TestSandbox.WEB_SECRET));

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(client.get("/ims/profile/v1", "Authorization", "Bearer " + accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWhenRedirectUriMatchesPatternThenRedirectsAndEndsSession() {
        client.signIn("alice@acme.example", LOGIN_SCOPE);

        HttpResponse<String> logout = client.get("/ims/logout/v1?redirect_uri=http://localhost:8080/login/oauth2/code/x");
        HttpResponse<String> authorize = client.get("/ims/authorize/v2?"
                + form(ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create())));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("http://localhost:8080/login/oauth2/code/x");
        assertThat(location(authorize)).contains("/ims/login");
    }

    @Test
    void logoutWhenRedirectUriMatchesNoPatternThenBadRequest() {
        HttpResponse<String> logout = client.get("/ims/logout/v1?redirect_uri=https://evil.example/");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(json(logout.body())).containsEntry("error", "invalid_request");
    }

    @Test
    void clientCredentialsWithCommaScopesGivesUmapiToken() {
        HttpResponse<String> response = client.postForm("/ims/token/v3",
                Map.of("grant_type", "client_credentials", "scope", "openid,AdobeID,user_management_sdk", "client_id",
                        TestSandbox.DIRECTORY_CLIENT, "client_secret", TestSandbox.DIRECTORY_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> tokens = json(response.body());
        assertThat(tokens).containsKey("access_token").containsEntry("sub", TestSandbox.DIRECTORY_CLIENT);
        assertThat((String) tokens.get("scope")).contains("user_management_sdk");
    }

    @Test
    void sessionCookieIsNamedForTheSandbox() {
        HttpResponse<String> response = client.get("/ims/authorize/v2?"
                + form(ImsClient.authorizeParams(LOGIN_SCOPE, ImsClient.Pkce.create())));

        assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("IMS_SANDBOX_SESSION="));
    }

    static List<String> groupNames(Map<?, ?> org) {
        return ((List<?>) org.get("groups")).stream().map(g -> (String) ((Map<?, ?>) g).get("groupName")).toList();
    }

    static String form(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }
}
