package io.imsconnect.server.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import io.imsconnect.core.account.SecureUrls;
import io.imsconnect.server.config.ImsConnectProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way this instance talks to identity providers: sign-in (through Spring Security's token client and
 * JWKS fetches), identity reading, discovery and Test connection all go through here. Connect and read
 * timeouts come from configuration ({@code imsconnect.login.*}); redirects are never followed (a 307 would
 * resend a POST, secret included, to wherever it points); endpoints must be https (loopback http only when
 * allowed); at most {@code imsconnect.login.max-concurrent-calls-per-provider} calls wait on one provider host
 * ({@link ProviderBulkhead}); failures are told in {@link Failures}' words. See
 * docs/decisions/0008-one-provider-client.md.
 */
@Component
public class ProviderClient {

    private final HttpClient http;
    private final JdkClientHttpRequestFactory requests;
    private final ImsConnectProperties.Login limits;
    private final boolean allowInsecureLoopback;
    private final ProviderBulkhead bulkhead;
    /** Built once: building a RestClient looks its message converters up on the class path each time. */
    private final RestClient documents;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Runs the other calls of {@link #getJsonAll}; when every thread is busy (or stopped), the caller runs them. */
    private final ThreadPoolExecutor together;

    ProviderClient(ImsConnectProperties properties) {
        this.limits = properties.login();
        this.allowInsecureLoopback = properties.security().allowInsecureLoopback();
        this.http = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requests = new JdkClientHttpRequestFactory(http);
        this.requests.setReadTimeout(limits.readTimeout());
        this.bulkhead = new ProviderBulkhead(limits.maxConcurrentCallsPerProvider());
        this.documents = restClient().build();
        AtomicInteger threads = new AtomicInteger();
        this.together = new ThreadPoolExecutor(0, limits.maxConcurrentCallsPerProvider(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "provider-call-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, pool) -> task.run());
    }

    @PreDestroy
    void close() {
        together.shutdownNow();
    }

    /**
     * Spring Security's token request, on the same connection pool and bounds, parsing the answer like any
     * OAuth 2.0 token response (IMS's included).
     */
    public RestClientAuthorizationCodeTokenResponseClient authorizationCodeTokenClient() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(restClient()
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    private RestClient.Builder restClient() {
        return RestClient.builder().requestFactory(requests).requestInterceptor(bulkhead.interceptor());
    }

    /** For Spring Security's JWKS fetches ({@link IdTokenDecoders}): the same connection pool, bounds and bulkhead. */
    RestTemplate restTemplate() {
        RestTemplate template = new RestTemplate(requests);
        template.getInterceptors().add(bulkhead.interceptor());
        return template;
    }

    /** Whether tokens and secrets may be sent to {@code url}: absolute https, or loopback http when allowed. */
    public boolean isSecure(String url) {
        return SecureUrls.isSecureEndpoint(url, allowInsecureLoopback);
    }

    /**
     * GETs a JSON document, with a bearer token when one is given. Throws {@link IdentityProviderException}
     * saying which answer ({@code what}) could not be read and why.
     */
    public JsonNode getJson(String url, String bearerToken, String what) {
        try {
            RestClient.RequestHeadersSpec<?> request = documents.get().uri(url);
            if (bearerToken != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
            }
            JsonNode body = request.retrieve().body(JsonNode.class);
            if (body == null) {
                throw new IdentityProviderException("The identity provider's " + what + " answer was empty", null);
            }
            return body;
        } catch (RestClientException e) {
            throw new IdentityProviderException(
                    "The identity provider's " + what + " could not be read: " + Failures.describe(e), e);
        }
    }

    /** Whether a call to {@code url} made only to save time may take a place now (see {@link ProviderBulkhead}). */
    boolean hasSpare(String url) {
        return bulkhead.hasSpare(URI.create(url));
    }

    /** One GET of {@link #getJsonAll}: the URL and the words for its answer in a failure. */
    public record Get(String url, String what) {
    }

    /**
     * The {@link #getJson} of each of {@code gets}, with the same bearer token, made at the same time rather
     * than one after the other: the first on this thread, the others on a pool of at most
     * {@code max-concurrent-calls-per-provider} threads (a caller whose pool is full makes them itself, one
     * after the other). Each call takes its own place in the provider's bulkhead, the others only while more than
     * half the places are free; one made without a place at the same time is made once this thread's call has
     * ended, as it would have been in turn. The answers come in the
     * order of {@code gets}; the first failure, in that order, is thrown once every call has ended.
     * docs/decisions/0019-fast-sign-in.md.
     */
    public List<JsonNode> getJsonAll(String bearerToken, List<Get> gets) {
        List<CompletableFuture<JsonNode>> others = new ArrayList<>();
        for (Get get : gets.subList(1, gets.size())) {
            others.add(hasSpare(get.url())
                    ? CompletableFuture.supplyAsync(() -> getJson(get.url(), bearerToken, get.what()), together)
                    : CompletableFuture.failedFuture(IdentityProviderException.busy(get.url())));
        }
        List<JsonNode> answers = new ArrayList<>();
        RuntimeException failure = null;
        try {
            answers.add(getJson(gets.get(0).url(), bearerToken, gets.get(0).what()));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = 0; i < others.size(); i++) {
            try {
                answers.add(others.get(i).join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException c ? c : e;
                if (failure == null && Failures.isBusy(cause)) {
                    // The bulkhead had no place for the call at the same time: made now, one after the other,
                    // it asks no more places of the provider than a sign-in did before.
                    cause = null;
                    try {
                        Get get = gets.get(i + 1);
                        answers.add(getJson(get.url(), bearerToken, get.what()));
                    } catch (RuntimeException again) {
                        cause = again;
                    }
                }
                if (failure == null) {
                    failure = cause;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return answers;
    }

    /**
     * Sends one request and returns whatever came back, HTTP errors included; a call that got no answer
     * returns the reason in words instead. For probes (Test connection) that judge the status themselves.
     *
     * @param form the {@code application/x-www-form-urlencoded} body of a POST; {@code null} for a GET
     */
    public Exchange exchange(String url, Map<String, String> headers, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(limits.readTimeout())
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        try (ProviderBulkhead.Entry entry = bulkhead.enter(URI.create(url))) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(url, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), null, response.headers().firstValue("Retry-After").orElse(null));
        } catch (IdentityProviderException busy) {
            return new Exchange(url, 0, "", null, busy.getMessage(), null);
        } catch (IOException e) {
            return new Exchange(url, 0, "", null, Failures.describe(e) + " (" + authority(URI.create(url)) + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(url, 0, "", null, "interrupted before " + url + " answered", null);
        }
    }

    /** One probe's answer: a status and body, or ({@link #failure()} not {@code null}) why there was none. */
    public final class Exchange {

        private final String url;
        private final int status;
        private final String contentType;
        private final String body;
        private final String failure;
        private final String retryAfter;
        private boolean parsed;
        private JsonNode tree;

        private Exchange(String url, int status, String contentType, String body, String failure, String retryAfter) {
            this.url = url;
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.failure = failure;
            this.retryAfter = retryAfter;
        }

        /** The {@code Retry-After} header (seconds or an HTTP date); {@code null} when absent. */
        public String retryAfter() {
            return retryAfter;
        }

        public String url() {
            return url;
        }

        public int status() {
            return status;
        }

        public String contentType() {
            return contentType;
        }

        /** Why no answer came, in words; {@code null} when one did. */
        public String failure() {
            return failure;
        }

        /** The body as JSON, parsed once however often it is asked for; {@code null} when it is none. */
        public JsonNode json() {
            if (!parsed) {
                parsed = true;
                try {
                    tree = body == null ? null : json.readTree(body);
                } catch (JacksonException | UncheckedIOException e) {
                    tree = null;
                }
            }
            return tree;
        }
    }

    private static String authority(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
