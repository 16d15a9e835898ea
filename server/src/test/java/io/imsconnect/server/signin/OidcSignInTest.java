package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;
import io.imsconnect.server.testing.SignInTest;

/**
 * The same journeys through an {@code oidc} account: discovery from the issuer, groups and organization from
 * the claims (here from userinfo, as the sandbox's ID token carries no groups), scopes space-separated.
 */
@SignInTest
class OidcSignInTest {

    @LocalServerPort
    int port;

    Api api;
    SignInSupport support;
    String account;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        support = new SignInSupport(api);
        account = new Accounts(api, port).oidc(Accounts.ACME_MASK);
    }

    @AfterEach
    void clearFaults() {
        Sandbox.get().clearFaults();
    }

    @Test
    void signInWhenAllowedThenOperatorCreatedWithGroupsFromTheGroupsClaim() {
        SignInFlow flow = new SignInFlow(port);

        SignInFlow.Step home = flow.signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(support.groups(support.onlyOperatorOf(account), "MASK")).containsExactly("admin", "delivery");
        assertThat(flow.visited().stream().filter(uri -> uri.getPath().endsWith("/authorize/v2")).findFirst()
                .orElseThrow().getRawQuery()).contains("scope=openid%20profile%20email");
    }

    @Test
    void signInWhenOrganizationClaimNamesAnotherOrgThenRefusedAndNothingCreated() {
        SignInFlow.Step page = new SignInFlow(port).signIn(account, "dave@globex.example", Sandbox.PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(support.lastDecision(account).path("outcome").asString()).isEqualTo("REFUSED_NOT_IN_ORGANIZATION");
        assertThat(support.operatorsOf(account)).isEmpty();
    }

    @Test
    void signInWhenNoGroupMatchesThenRefused() {
        SignInFlow.Step page = new SignInFlow(port).signIn(account, "carol@acme.example", Sandbox.PASSWORD);

        assertThat(page.body()).contains("data-refusal=\"NO_PROFILE\"").contains("href=\"/login/start/" + account
                + "?prompt=login\"").contains(SignInSupport.words("refused.another.oidc"))
                .doesNotContain("Login does not have any right matching the expression");
        assertThat(support.operatorsOf(account)).isEmpty();
    }

    @Test
    void idTokenWhenSignedByAnUnknownKeyThenFailed() {
        Sandbox.get().faults("{\"signWithUnknownKey\":true}");

        SignInFlow.Step page = new SignInFlow(port).signIn(account, "alice@acme.example", Sandbox.PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/login/refused");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("[invalid_id_token]");
        assertThat(support.operatorsOf(account)).isEmpty();
    }
}
