package io.imsconnect.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ImsTokens;
import io.imsconnect.server.testing.SignInTest;

/** A revoked token keeps working until its cached answer expires, and not after: the README's bound. */
@SignInTest
@TestPropertySource(properties = "imsconnect.api.token-cache-ttl=2s")
class BearerTokenRevocationTest {

    @LocalServerPort
    int port;

    @Test
    void bearerWhenRevokedThenRefusedOnceTheCacheBoundPassed() throws InterruptedException {
        Api api = Api.at(port);
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, "\"apiClientIds\":[\"acme-scripts\"]");
        ImsTokens ims = new ImsTokens();
        String token = ims.clientCredentials(ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET);
        try {
            assertThat(api.bearer(token).get("/api/v1/me").status()).isEqualTo(200);

            ims.revoke(token, ImsTokens.ACME_SCRIPTS, ImsTokens.ACME_SCRIPTS_SECRET);
            int withinBound = api.bearer(token).get("/api/v1/me").status();
            Thread.sleep(2_500);
            Api.Response afterBound = api.bearer(token).get("/api/v1/me");

            assertThat(withinBound).isEqualTo(200);
            assertThat(afterBound.status()).isEqualTo(401);
            assertThat(afterBound.json().path("detail").asString()).contains("not valid");
        } finally {
            api.delete("/api/v1/external-accounts/" + account);
        }
    }
}
