package io.imsconnect.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ImsTokens;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

/**
 * {@code Authorization: Bearer} with an {@code oidc} account: JWT access tokens verified against the sandbox's
 * keys (issuer, the account's audience, expiry, RS256). Forged tokens are refused before any decision; a
 * genuine one reaches the sign-in decision.
 */
@SignInTest
class OidcBearerTokenTest {

    @LocalServerPort
    int port;

    Api api;
    Accounts accounts;
    List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
    }

    @AfterEach
    void removeAccounts() {
        created.forEach(name -> api.delete("/api/v1/external-accounts/" + name));
    }

    private String oidcAccount() {
        String name = accounts.oidc(Accounts.ACME_MASK, "\"apiClientIds\":[\"acme-scripts\"],"
                + "\"audience\":\"acme-scripts\"");
        created.add(name);
        return name;
    }

    @Test
    void bearerWhenAlgNoneThen401AndNothingRecordedForTheAccount() {
        String account = oidcAccount();
        String none = BearerTokenTest.jwt("{\"alg\":\"none\"}", claims().toString()).replaceAll("[^.]+$", "");

        Api.Response refused = api.bearer(none).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(operators(account)).isZero();
    }

    @Test
    void bearerWhenSignedWithAForeignKeyThen401() throws Exception {
        String account = oidcAccount();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("ims_na1-key-1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(),
                claims());
        forged.sign(new RSASSASigner(foreign));

        Api.Response refused = api.bearer(forged.serialize()).get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("refused");
        assertThat(operators(account)).isZero();
    }

    @Test
    void bearerWhenGenuineTokenThenCheckedAndDecidedBySignInDecision() {
        String account = oidcAccount();
        String token = new ImsTokens().clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET);

        Api.Response refused = api.bearer(token).get("/api/v1/me");

        // The token passed signature, issuer, audience and expiry; the sandbox's access tokens carry no
        // organization claim, so the decision refuses it, and records why.
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("decision").asString()).isNotBlank();
        assertThat(operators(account)).isZero();
    }

    @Test
    void bearerWhenIntrospectedThenActiveTokenDecidedAndGarbageRefused() {
        String account = accounts.oidc(Accounts.ACME_MASK, "\"apiClientIds\":[\"acme-scripts\"],"
                + "\"introspectionEndpoint\":\"" + Sandbox.get().issuer() + "/introspect\"");
        created.add(account);
        String token = new ImsTokens().clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET);

        Api.Response introspected = api.bearer(token).get("/api/v1/me");
        Api.Response garbage = api.bearer("opaque-garbage").get("/api/v1/me");

        // Active at the provider: on to the decision, which refuses (no organization claim) and records why.
        assertThat(introspected.status()).as(introspected.body()).isEqualTo(403);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(operators(account)).isZero();
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer(Sandbox.get().issuer()).audience("acme-scripts")
                .subject("acme-scripts").claim("client_id", "acme-scripts").claim("org_id", Sandbox.ACME)
                .claim("groups", List.of("Campaign - acme - admin"))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
    }

    private long operators(String account) {
        List<String> origins = new ArrayList<>();
        api.get("/api/v1/operators").json().forEach(o -> origins.add(o.path("origin").asString()));
        return origins.stream().filter(account::equals).count();
    }
}
