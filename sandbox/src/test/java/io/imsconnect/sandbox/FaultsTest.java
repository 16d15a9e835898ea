package io.imsconnect.sandbox;

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.imsconnect.sandbox.ImsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Each fault switch, set through the admin endpoint of the shared sandbox and cleared after each test. */
class FaultsTest {

    private static final String USERS = "/v2/usermanagement/users/" + TestSandbox.ACME + "/0";

    private static final String SCOPE = ImsEndpointsTest.LOGIN_SCOPE;

    private final SandboxServer sandbox = TestSandbox.shared();

    private final ImsClient client = new ImsClient(sandbox);

    @AfterEach
    void clearFaults() {
        assertThat(client.send("DELETE", "/sandbox/faults", null).statusCode()).isEqualTo(204);
    }

    private void fault(String json) {
        assertThat(client.send("PUT", "/sandbox/faults", json).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsAreOffByDefault() {
        Map<String, Object> faults = json(client.get("/sandbox/faults").body());

        assertThat(faults).containsEntry("down", false).containsEntry("umapiStatus", 0L)
                .containsEntry("signWithUnknownKey", false).containsEntry("idTokenAlgNone", false);
    }

    @Test
    void downMakesImsAndUmapiAnswer503() {
        String token = client.directoryToken();
        fault("{\"down\": true}");

        assertThat(client.get("/ims/.well-known/openid-configuration").statusCode()).isEqualTo(503);
        assertThat(client.get("/ims/keys").statusCode()).isEqualTo(503);
        assertThat(client.umapi(token, USERS).statusCode()).isEqualTo(503);
    }

    @Test
    void umapi429ComesWithRetryAfter() {
        String token = client.directoryToken();
        fault("{\"umapiStatus\": 429, \"umapiRetryAfterSeconds\": 7}");

        HttpResponse<String> response = client.umapi(token, USERS);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void umapiFromPageFailsOnlyThatPageAndLater() {
        String token = client.directoryToken();
        fault("{\"umapiStatus\": 503, \"umapiFromPage\": 1}");

        assertThat(client.umapi(token, USERS).statusCode()).isEqualTo(200);
        assertThat(client.umapi(token, USERS.replace("/0", "/1")).statusCode()).isEqualTo(503);
    }

    @Test
    void umapiServerErrorOnDemand() {
        String token = client.directoryToken();
        fault("{\"umapiStatus\": 502}");

        assertThat(client.umapi(token, USERS).statusCode()).isEqualTo(502);
    }

    @Test
    void umapiSlowOnDemand() {
        String token = client.directoryToken();
        fault("{\"umapiDelayMillis\": 400}");

        long started = System.nanoTime();
        HttpResponse<String> response = client.umapi(token, USERS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void tokenEndpointSlowOnDemand() {
        fault("{\"tokenDelayMillis\": 400}");

        long started = System.nanoTime();
        client.directoryToken();

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void profileEndpointSlowOnDemand() {
        String accessToken = (String) client.signIn("alice@acme.example", SCOPE).get("access_token");
        fault("{\"profileDelayMillis\": 400}");

        long started = System.nanoTime();
        HttpResponse<String> response = client.get("/ims/profile/v1", "Authorization", "Bearer " + accessToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void unpublishSigningKeyLeavesCurrentKeyOutOfJwks() throws Exception {
        fault("{\"unpublishSigningKey\": true}");

        String idToken = (String) client.signIn("alice@acme.example", SCOPE).get("id_token");
        JWKSet keys = JWKSet.parse(client.get("/ims/keys").body());

        assertThat(keys.getKeyByKeyId(SignedJWT.parse(idToken).getHeader().getKeyID())).isNull();
    }

    @Test
    void signWithUnknownKeyUsesKeyIdNotInJwks() throws Exception {
        fault("{\"signWithUnknownKey\": true}");

        String idToken = (String) client.signIn("alice@acme.example", SCOPE).get("id_token");
        JWKSet keys = JWKSet.parse(client.get("/ims/keys").body());

        String keyId = SignedJWT.parse(idToken).getHeader().getKeyID();
        assertThat(keyId).isNotNull();
        assertThat(keys.getKeyByKeyId(keyId)).isNull();
    }

    @Test
    void expiredIdTokenOnDemand() throws Exception {
        fault("{\"expiredIdToken\": true}");

        JWT idToken = JWTParser.parse((String) client.signIn("alice@acme.example", SCOPE).get("id_token"));

        assertThat(idToken.getJWTClaimsSet().getExpirationTime()).isBefore(new java.util.Date());
    }

    @Test
    void idTokenAlgNoneOnDemand() throws Exception {
        fault("{\"idTokenAlgNone\": true}");

        JWT idToken = JWTParser.parse((String) client.signIn("alice@acme.example", SCOPE).get("id_token"));

        assertThat(idToken.getHeader().getAlgorithm().getName()).isEqualTo("none");
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo(TestSandbox.ALICE);
    }

    @Test
    void wrongAudienceIssuerAndNonceOnDemand() throws Exception {
        fault("{\"wrongAudience\": true, \"wrongIssuer\": true, \"wrongNonce\": true}");

        JWT idToken = JWTParser.parse((String) client.signIn("alice@acme.example", SCOPE).get("id_token"));

        assertThat(idToken.getJWTClaimsSet().getAudience()).doesNotContain(TestSandbox.WEB_CLIENT);
        assertThat(idToken.getJWTClaimsSet().getIssuer()).isNotEqualTo(sandbox.issuer());
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isNotEqualTo("nonce-456");
    }

    @Test
    void noNonceOnDemand() throws Exception {
        fault("{\"noNonce\": true}");

        JWT idToken = JWTParser.parse((String) client.signIn("alice@acme.example", SCOPE).get("id_token"));

        assertThat(idToken.getJWTClaimsSet().getClaims()).doesNotContainKey("nonce");
    }

    @Test
    void keyRotationSignsWithNewKeyAndKeepsOldKeyPublished() throws Exception {
        String before = SignedJWT.parse((String) client.signIn("alice@acme.example", SCOPE).get("id_token")).getHeader()
                .getKeyID();

        HttpResponse<String> rotate = client.send("POST", "/sandbox/keys/rotate", null);
        String after = SignedJWT.parse((String) client.signIn("alice@acme.example", SCOPE).get("id_token")).getHeader()
                .getKeyID();
        JWKSet keys = JWKSet.parse(client.get("/ims/keys").body());

        assertThat(rotate.statusCode()).isEqualTo(200);
        assertThat(json(rotate.body())).containsEntry("previousKeyId", before).containsEntry("keyId", after);
        assertThat(after).isNotEqualTo(before).startsWith("ims_na1-key-");
        assertThat(keys.getKeyByKeyId(before)).isNotNull();
        assertThat(keys.getKeyByKeyId(after)).isNotNull();
        assertThat(keys.getKeyByKeyId(after).getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void putFaultsWhenStatusNotAnErrorThenBadRequest() {
        assertThat(client.send("PUT", "/sandbox/faults", "{\"umapiStatus\": 200}").statusCode()).isEqualTo(400);
    }
}
