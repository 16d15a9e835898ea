package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.imsconnect.server.config.ImsConnectProperties;

import tools.jackson.databind.JsonNode;

/** {@link ProviderClient#getJsonAll}, against a real HTTP server on loopback. */
class ProviderClientTest {

    private HttpServer provider;
    private ProviderClient client;
    private String base;
    /** Counted down by each request to /together/*: a request answers only once both have arrived. */
    private final CountDownLatch bothArrived = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);


    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.setExecutor(Executors.newFixedThreadPool(8));
        provider.createContext("/together/", this::together);
        provider.createContext("/broken", exchange -> answer(exchange, 500, "{}"));
        provider.createContext("/held", this::held);
        provider.createContext("/in-turn/", this::inTurn);
        provider.start();
        base = "http://localhost:" + provider.getAddress().getPort();
        client = new ProviderClient(new Binder(new MapConfigurationPropertySource(Map.of(
                "imsconnect.security.allow-insecure-loopback", "true",
                "imsconnect.login.max-concurrent-calls-per-provider", "4"))).bindOrCreate("imsconnect",
                ImsConnectProperties.class));
    }

    @AfterEach
    void stop() {
        client.close();
        provider.stop(0);
    }

    /** Answers 200 with its path once the other request arrived too; 503 if it never does (calls made in turn). */
    private void together(HttpExchange exchange) throws IOException {
        bothArrived.countDown();
        boolean both;
        try {
            both = bothArrived.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            both = false;
        }
        answer(exchange, both ? 200 : 503, "{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}");
    }

    /** Answers once {@link #release} is counted down: holds one of the host's places meanwhile. */
    private void held(HttpExchange exchange) throws IOException {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer(exchange, 200, "{}");
    }

    /** Answers 200 with its path after 300 ms. */
    private void inTurn(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer(exchange, 200, "{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void getJsonAllWhenTwoDocumentsThenBothAreAskedAtOnceAndAnsweredInOrder() {
        List<JsonNode> answers = client.getJsonAll("token", List.of(
                new ProviderClient.Get(base + "/together/profile", "profile"),
                new ProviderClient.Get(base + "/together/organizations", "organizations")));

        assertThat(answers).extracting(answer -> answer.path("path").asString())
                .containsExactly("/together/profile", "/together/organizations");
    }

    @Test
    void getJsonAllWhenOneAnswersAnErrorThenItsFailureNamesWhichAnswer() {
        assertThatThrownBy(() -> client.getJsonAll("token", List.of(
                new ProviderClient.Get(base + "/broken", "profile"),
                new ProviderClient.Get(base + "/broken", "organizations"))))
                .isInstanceOf(IdentityProviderException.class)
                .hasMessage("The identity provider's profile could not be read: it answered HTTP 500");
    }

    @Test
    void getJsonAllWhenHalfTheHostsPlacesAreTakenThenTheCallsAreMadeInTurnAndLeaveAPlaceForAnotherSignIn()
            throws Exception {
        ExecutorService others = Executors.newFixedThreadPool(3);
        try {
            List<Future<JsonNode>> holding = List.of(
                    others.submit(() -> client.getJson(base + "/held", "token", "held")),
                    others.submit(() -> client.getJson(base + "/held", "token", "held")));
            for (int i = 0; i < 500 && client.hasSpare(base + "/in-turn/profile"); i++) {
                Thread.sleep(10);
            }
            assertThat(client.hasSpare(base + "/in-turn/profile")).as("two of the four places held").isFalse();
            Future<JsonNode> anotherSignIn = others.submit(() -> {
                Thread.sleep(100); // while this sign-in's first call is in flight
                return client.getJson(base + "/in-turn/another", "token", "another");
            });

            List<JsonNode> answers = client.getJsonAll("token", List.of(
                    new ProviderClient.Get(base + "/in-turn/profile", "profile"),
                    new ProviderClient.Get(base + "/in-turn/organizations", "organizations")));

            assertThat(answers).extracting(answer -> answer.path("path").asString())
                    .containsExactly("/in-turn/profile", "/in-turn/organizations");
            assertThat(anotherSignIn.get(10, TimeUnit.SECONDS).path("path").asString()).isEqualTo("/in-turn/another");
            release.countDown();
            for (Future<JsonNode> held : holding) {
                held.get(10, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            others.shutdownNow();
        }
    }
}
