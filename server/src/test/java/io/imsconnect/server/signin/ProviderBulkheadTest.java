package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;
import io.imsconnect.server.testing.SignInTest;

/**
 * A slow identity provider may hold only a few of the instance's threads (issue 13 item 5): calls beyond the
 * bulkhead fail at once with a "try again" page. The health latency under a storm is the benchmark's job
 * (bench/), not a timed test's. Discovery is cached here, as in production, and the read timeout is long, so
 * that on a loaded machine a slow answer is still an answer.
 */
@SignInTest
@TestPropertySource(properties = { "imsconnect.login.max-concurrent-calls-per-provider=2",
        "imsconnect.login.discovery-cache-ttl=5m", "imsconnect.login.read-timeout=20s" })
class ProviderBulkheadTest {

    private static final String ALICE = "alice@acme.example";

    @LocalServerPort
    int port;

    Sandbox sandbox = Sandbox.get();
    SignInSupport support;
    String account;

    @BeforeEach
    void setUp() {
        Api api = Api.at(port);
        support = new SignInSupport(api);
        account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void callbacksWhenMoreWaitOnTheProviderThanTheBulkheadAllowsThenTheRestFailAtOnceWithTryAgain() throws Exception {
        List<SignInFlow> flows = new ArrayList<>();
        List<URI> callbacks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SignInFlow flow = new SignInFlow(port);
            callbacks.add(flow.untilCallback(account, ALICE, Sandbox.PASSWORD));
            flows.add(flow);
        }
        sandbox.faults("{\"tokenDelayMillis\":1500}");

        List<SignInFlow.Step> pages = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SignInFlow.Step>> delivered = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SignInFlow flow = flows.get(i);
                URI callback = callbacks.get(i);
                delivered.add(pool.submit(() -> flow.deliver(callback)));
            }
            for (Future<SignInFlow.Step> page : delivered) {
                pages.add(page.get());
            }
        } finally {
            pool.shutdown();
        }

        long allowed = pages.stream().filter(p -> p.uri().getPath().equals("/")).count();
        List<SignInFlow.Step> busy = pages.stream().filter(p -> p.body().contains("data-refusal=\"PROVIDER_BUSY\""))
                .toList();
        List<String> ends = pages.stream().map(p -> p.uri().getPath() + " " + reason(p.body())).toList();
        assertThat(allowed).as("the bulkhead lets sign-ins through: %s", ends).isBetween(1L, 2L);
        assertThat(busy).as("the rest are refused at once: %s", ends).hasSize((int) (6 - allowed))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(busy.get(0).body()).contains(SignInSupport.words("refusal.PROVIDER_BUSY.next"))
                .contains("id=\"try-again\"");
    }

    private static String reason(String page) {
        int at = page.indexOf("id=\"refused-what\"");
        return at < 0 ? "" : page.substring(at, Math.min(page.length(), at + 200));
    }

    @Test
    void startWhenTheProviderWentDownWhileItsDiscoveryWasCachedThenOurPageNotTheProviders() {
        SignInFlow flow = new SignInFlow(port);
        assertThat(flow.get("/login/start/" + account).location()).endsWith("/oauth2/authorization/" + account);
        sandbox.faults("{\"down\":true}");

        SignInFlow.Step start = flow.get("/login/start/" + account);

        assertThat(start.location()).endsWith("/login/refused");
        assertThat(support.lastDecision(account).path("reason").asString()).contains("did not answer");
    }
}
