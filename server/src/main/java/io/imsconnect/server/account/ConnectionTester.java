package io.imsconnect.server.account;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.core.account.AccountValidator;
import io.imsconnect.server.account.ConnectionReport.Step;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Test connection": reads the provider's OpenID discovery document and its JWKS, checks that the authorization
 * and token endpoints answer, and, with directory credentials, asks for a client-credentials token. Each
 * failure is told in words an administrator can act on (DNS, TLS, refused, timeout, HTTP status, not JSON,
 * missing field). Timeouts are bounded (connect {@value #CONNECT_SECONDS} s, answer {@value #READ_SECONDS} s).
 */
@Component
class ConnectionTester {

    static final int CONNECT_SECONDS = 3;
    static final int READ_SECONDS = 5;
    /** ims-facts.md: the directory (UMAPI) credential asks for these scopes. */
    static final String DIRECTORY_SCOPE = "openid,AdobeID,user_management_sdk";

    private static final List<String> DISCOVERY_FIELDS =
            List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri");

    /** Never follows redirects: a 307 would resend a POST, secret included, to wherever it points. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(CONNECT_SECONDS))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final boolean allowInsecureLoopback;

    ConnectionTester(io.imsconnect.server.system.ImsConnectProperties properties) {
        this.allowInsecureLoopback = properties.security().allowInsecureLoopback();
    }
    private final JsonMapper json = JsonMapper.builder().build();

    ConnectionReport test(AccountSettings account, Optional<String> imsSecret, Optional<String> directorySecret) {
        List<Step> steps = new ArrayList<>();
        boolean ok = run(account, imsSecret, directorySecret, steps);
        return new ConnectionReport(account.internalName(), ok, steps);
    }

    private boolean run(AccountSettings account, Optional<String> imsSecret, Optional<String> directorySecret,
            List<Step> steps) {
        if (account.imsServer() == null) {
            steps.add(new Step("discovery", false, "no imsServer is set on the account"));
            return false;
        }
        Answer discovery = get("discovery", account.discoveryUrl(), steps);
        if (discovery == null) {
            return false;
        }
        JsonNode document = discovery.object("discovery", steps);
        if (document == null || !hasFields(document, discovery.url, steps)) {
            return false;
        }
        steps.add(new Step("discovery", true, "read " + discovery.url + " (issuer "
                + document.path("issuer").asString() + ")"));

        Map<String, String> endpoints = endpoints(account, document);
        Answer jwks = get("jwks", endpoints.get("jwks_uri"), steps);
        JsonNode keys = jwks == null ? null : jwks.object("jwks", steps);
        if (keys == null) {
            return false;
        }
        if (!keys.path("keys").isArray() || keys.path("keys").isEmpty()) {
            steps.add(new Step("jwks", false, "missing field: " + jwks.url + " has no \"keys\" (or none in it),"
                    + " so no ID token could be verified"));
            return false;
        }
        steps.add(new Step("jwks", true, "read " + keys.path("keys").size() + " key(s) from " + jwks.url));

        // The authorization endpoint is for browsers, the token endpoint for POSTs: probe each as it is used.
        // Without credentials they answer 4xx (missing client_id, invalid_client); 404 means a wrong path.
        String tokenEndpoint = endpoints.get("token_endpoint");
        Answer authorize = get("authorizationEndpoint", endpoints.get("authorization_endpoint"), steps);
        if (authorize == null || !answers("authorizationEndpoint", authorize, steps)) {
            return false;
        }
        Answer token = send("tokenEndpoint", HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), tokenEndpoint, steps);
        if (token == null || !answers("tokenEndpoint", token, steps)) {
            return false;
        }

        if (account.imsClientId() != null && imsSecret.isPresent()
                && !loginClient(account, tokenEndpoint, imsSecret.get(), steps)) {
            return false;
        }
        if (account.directoryClientId() == null || directorySecret.isEmpty()) {
            return true;
        }
        return clientCredentials(account, tokenEndpoint, directorySecret.get(), steps);
    }

    /**
     * The endpoints sign-in will use: for {@code adobe-ims} IMS's documented paths (as the client registration
     * has them), for {@code oidc} those of the discovery document.
     */
    private static Map<String, String> endpoints(AccountSettings account, JsonNode document) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        if (account.type() == AccountType.ADOBE_IMS) {
            String ims = AccountSettings.withoutTrailingSlashes(account.imsServer());
            endpoints.put("authorization_endpoint", ims + "/ims/authorize/v2");
            endpoints.put("token_endpoint", ims + "/ims/token/v3");
            endpoints.put("jwks_uri", ims + "/ims/keys");
        } else {
            for (String field : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
                endpoints.put(field, document.path(field).asString());
            }
        }
        return endpoints;
    }

    private static boolean answers(String step, Answer answer, List<Step> steps) {
        boolean answers = answer.status < 500 && answer.status != 404;
        steps.add(new Step(step, answers, (answers ? "answers" : "fails") + " at " + answer.url + " (HTTP "
                + answer.status + ")"));
        return answers;
    }

    /**
     * Checks the login client's id and secret without a user: the token endpoint authenticates the client
     * before it looks at the code (RFC 6749 §3.2.1, §5.2), so a made-up code answers {@code invalid_grant} for
     * the right credentials and {@code invalid_client} (HTTP 401) for wrong ones.
     */
    private boolean loginClient(AccountSettings account, String tokenEndpoint, String secret, List<Step> steps) {
        String body = "grant_type=authorization_code&code=imsconnect-connection-test&redirect_uri="
                + URLEncoder.encode(account.redirectUri().orElse(""), StandardCharsets.UTF_8);
        String basic = java.util.Base64.getEncoder().encodeToString((URLEncoder.encode(account.imsClientId(),
                StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        Answer answer = send("loginClient", HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)), tokenEndpoint, steps);
        if (answer == null) {
            return false;
        }
        JsonNode answered = answer.parse();
        String error = answered == null ? "" : answered.path("error").asString("");
        if (answer.status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            steps.add(new Step("loginClient", false, "the token endpoint refused the login client id or secret"
                    + " (HTTP " + answer.status + (error.isEmpty() ? "" : ", error " + error)
                    + "): check imsClientId and imsClientSecret"));
            return false;
        }
        boolean accepted = answer.status == 400 && !error.isEmpty();
        steps.add(new Step("loginClient", accepted, accepted
                ? "the token endpoint accepted the login client id and secret (a made-up code was refused as"
                        + " expected: " + error + ")"
                : "unexpected answer to a made-up code (HTTP " + answer.status + "); the client could not be checked"));
        return accepted;
    }

    private boolean clientCredentials(AccountSettings account, String tokenEndpoint, String secret,
            List<Step> steps) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", account.directoryClientId());
        form.put("client_secret", secret);
        if (account.type() == AccountType.ADOBE_IMS) {
            form.put("scope", DIRECTORY_SCOPE);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Answer answer = send("clientCredentials", HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), tokenEndpoint, steps);
        if (answer == null) {
            return false;
        }
        JsonNode token = answer.parse();
        if (answer.status != 200) {
            String error = token == null ? "" : token.path("error").asString("");
            steps.add(new Step("clientCredentials", false, "the token endpoint refused the directory credentials"
                    + " (HTTP " + answer.status + (error.isEmpty() ? "" : ", error " + error) + ")"));
            return false;
        }
        if (token == null || !token.path("access_token").isString()) {
            steps.add(new Step("clientCredentials", false,
                    "missing field: the token endpoint's answer has no access_token"));
            return false;
        }
        steps.add(new Step("clientCredentials", true, "the directory credentials obtained an access token"));
        return true;
    }

    private boolean hasFields(JsonNode document, String url, List<Step> steps) {
        List<String> missing = DISCOVERY_FIELDS.stream()
                .filter(field -> !document.path(field).isString() || document.path(field).asString().isBlank())
                .toList();
        if (!missing.isEmpty()) {
            steps.add(new Step("discovery", false, "missing field: " + url + " has no " + String.join(", ", missing)));
            return false;
        }
        for (String field : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            if (!AccountValidator.isSecureEndpoint(document.path(field).asString(), allowInsecureLoopback)) {
                steps.add(new Step("discovery", false, "invalid field: " + field + " in " + url
                        + " is not an absolute https URL (secrets and tokens would travel unprotected)"));
                return false;
            }
        }
        return true;
    }

    private Answer get(String step, String url, List<Step> steps) {
        return send(step, HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET(), url,
                steps);
    }

    /** Sends one request; on a failure records the step in words and returns {@code null}. */
    private Answer send(String step, HttpRequest.Builder request, String url, List<Step> steps) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        try {
            InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            steps.add(new Step(step, false, "DNS failure: the host name " + host + " cannot be resolved"));
            return null;
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(READ_SECONDS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(url, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (HttpConnectTimeoutException e) {
            steps.add(new Step(step, false, "timeout: no connection to " + authority(uri) + " within "
                    + CONNECT_SECONDS + " s"));
        } catch (HttpTimeoutException e) {
            steps.add(new Step(step, false, "timeout: no answer from " + url + " within " + READ_SECONDS + " s"));
        } catch (ConnectException e) {
            steps.add(new Step(step, false, "connection refused: nothing accepts connections at " + authority(uri)));
        } catch (IOException e) {
            steps.add(new Step(step, false, isTls(e)
                    ? "TLS failure with " + authority(uri) + ": " + rootMessage(e)
                    : "network failure with " + authority(uri) + ": " + rootMessage(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step(step, false, "interrupted before " + url + " answered"));
        }
        return null;
    }

    private static String authority(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** One HTTP answer. */
    private final class Answer {

        final String url;
        final int status;
        final String contentType;
        final String body;

        Answer(String url, int status, String contentType, String body) {
            this.url = url;
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        /** The body as a JSON object after a 2xx answer; else records why not and returns {@code null}. */
        JsonNode object(String step, List<Step> steps) {
            if (status < 200 || status > 299) {
                steps.add(new Step(step, false, "HTTP " + status + " from " + url));
                return null;
            }
            JsonNode node = parse();
            if (node == null || !node.isObject()) {
                steps.add(new Step(step, false, "not JSON: " + url + " answered "
                        + (contentType.isEmpty() ? "without a content type" : contentType)
                        + " that is not a JSON object"));
                return null;
            }
            return node;
        }

        JsonNode parse() {
            try {
                return json.readTree(body);
            } catch (JacksonException e) {
                return null;
            }
        }
    }
}
