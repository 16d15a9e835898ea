package io.imsconnect.server.connection;

import java.net.URLEncoder;
import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.connection.ConnectionReport.Step;
import io.imsconnect.server.provider.ProviderClient;
import io.imsconnect.server.provider.ProviderClient.Exchange;
import io.imsconnect.server.provider.ProviderMetadata;
import io.imsconnect.server.provider.ProviderType;
import io.imsconnect.server.provider.ProviderTypes;

import tools.jackson.databind.JsonNode;

/**
 * "Test connection": reads the provider's OpenID discovery document and its JWKS, checks that the authorization
 * and token endpoints answer, and with the secrets checks the login client and the directory credentials. The
 * endpoints and scopes are the account's provider type's, the calls go through the one {@link ProviderClient}
 * (configured timeouts, no redirects, https only), so the test probes exactly what sign-in will use. Each
 * failure is told in words an administrator can act on.
 */
@Component
public class ConnectionTester {

    private static final List<String> DISCOVERY_FIELDS =
            List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri");

    private final ProviderClient http;
    private final ProviderTypes types;
    private final AccountService accounts;
    private final ConnectionResults results;
    private final Clock clock;

    ConnectionTester(ProviderClient http, ProviderTypes types, AccountService accounts, ConnectionResults results,
            Clock clock) {
        this.http = http;
        this.types = types;
        this.accounts = accounts;
        this.results = results;
        this.clock = clock;
    }

    /** An account's last Test connection: when, by whom, whether it worked, and its first failed step. */
    public record LastTest(Instant at, String by, boolean ok, String failedStep, String detail) {
    }

    /**
     * Tests the saved account with its stored secrets (404 unknown, 409 while its type's package is missing).
     * Deliberately outside any transaction: the remote calls can take seconds and must not hold a database
     * connection.
     */
    public ConnectionReport test(String internalName) {
        AccountSettings account = accounts.require(internalName);
        ConnectionReport report = test(account, accounts.imsClientSecret(internalName),
                accounts.directoryClientSecret(internalName));
        results.record(report, AuditService.currentActor(), clock.instant());
        return report;
    }

    /** The last Test connection of each account that had one, by internal name (the console's dashboard). */
    public Map<String, LastTest> lastTests() {
        return results.all();
    }

    public ConnectionReport test(AccountSettings account, Optional<String> imsSecret,
            Optional<String> directorySecret) {
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
        ProviderType type = types.of(account);
        JsonNode document = object("discovery", http.exchange(type.discoveryUrl(account), Map.of(), null), steps);
        if (document == null || !hasFields(document, type.discoveryUrl(account), steps)) {
            return false;
        }
        steps.add(new Step("discovery", true, "read " + type.discoveryUrl(account) + " (issuer "
                + document.path("issuer").asString() + ")"));

        ProviderType.Endpoints endpoints = type.endpoints(account, metadata(document));
        Exchange jwks = http.exchange(endpoints.jwks(), Map.of(), null);
        JsonNode keys = object("jwks", jwks, steps);
        if (keys == null) {
            return false;
        }
        if (!keys.path("keys").isArray() || keys.path("keys").isEmpty()) {
            steps.add(new Step("jwks", false, "missing field: " + jwks.url() + " has no \"keys\" (or none in it),"
                    + " so no ID token could be verified"));
            return false;
        }
        steps.add(new Step("jwks", true, "read " + keys.path("keys").size() + " key(s) from " + jwks.url()));

        // The authorization endpoint is for browsers, the token endpoint for POSTs: probe each as it is used.
        // Without credentials they answer 4xx (missing client_id, invalid_client); 404 means a wrong path.
        if (!answers("authorizationEndpoint", http.exchange(endpoints.authorization(), Map.of(), null), steps)
                || !answers("tokenEndpoint", http.exchange(endpoints.token(), Map.of(),
                        "grant_type=client_credentials"), steps)) {
            return false;
        }
        if (account.imsClientId() != null && imsSecret.isPresent()
                && !loginClient(account, endpoints.token(), imsSecret.get(), steps)) {
            return false;
        }
        if (!account.apiClientIds().isEmpty() && !bearerCheck(account, type, imsSecret.orElse(null), steps)) {
            return false;
        }
        if (account.directoryClientId() == null || directorySecret.isEmpty()) {
            return true;
        }
        return clientCredentials(account, type, endpoints.token(), directorySecret.get(), steps);
    }

    private static ProviderMetadata.Metadata metadata(JsonNode document) {
        return new ProviderMetadata.Metadata(document.path("issuer").asString(),
                document.path("authorization_endpoint").asString(), document.path("token_endpoint").asString(),
                document.path("jwks_uri").asString(), document.path("userinfo_endpoint").asString(null),
                document.path("end_session_endpoint").asString(null));
    }

    private static boolean answers(String step, Exchange answer, List<Step> steps) {
        if (answer.failure() != null) {
            steps.add(new Step(step, false, answer.failure()));
            return false;
        }
        boolean answers = answer.status() < 500 && answer.status() != 404;
        steps.add(new Step(step, answers, (answers ? "answers" : "fails") + " at " + answer.url() + " (HTTP "
                + answer.status() + ")"));
        return answers;
    }

    /**
     * Checks the login client's id and secret without a user: the token endpoint authenticates the client
     * before it looks at the code (RFC 6749 §3.2.1, §5.2), so a made-up code answers {@code invalid_grant} for
     * the right credentials and {@code invalid_client} (HTTP 401) for wrong ones.
     */
    private boolean loginClient(AccountSettings account, String tokenEndpoint, String secret, List<Step> steps) {
        String basic = Base64.getEncoder().encodeToString((encode(account.imsClientId()) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
        Exchange answer = http.exchange(tokenEndpoint, Map.of("Authorization", "Basic " + basic),
                "grant_type=authorization_code&code=imsconnect-connection-test&redirect_uri="
                        + encode(account.redirectUri().orElse("")));
        if (answer.failure() != null) {
            steps.add(new Step("loginClient", false, answer.failure()));
            return false;
        }
        String error = error(answer);
        if (answer.status() == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            steps.add(new Step("loginClient", false, "the token endpoint refused the login client id or secret"
                    + " (HTTP " + answer.status() + (error.isEmpty() ? "" : ", error " + error)
                    + "): check imsClientId and imsClientSecret"));
            return false;
        }
        boolean accepted = answer.status() == 400 && !error.isEmpty();
        steps.add(new Step("loginClient", accepted, accepted
                ? "the token endpoint accepted the login client id and secret (a made-up code was refused as"
                        + " expected: " + error + ")"
                : "unexpected answer to a made-up code (HTTP " + answer.status() + "); the client could not be checked"));
        return accepted;
    }

    /**
     * The API bearer tokens' check: the provider's check endpoint (IMS validate_token, an introspection
     * endpoint) must refuse a made-up token; without one, tokens are JWTs checked against the keys read above.
     */
    private static boolean bearerCheck(AccountSettings account, ProviderType type, String secret, List<Step> steps) {
        Optional<Exchange> probe = type.probeBearerCheck(account, secret);
        if (probe.isEmpty()) {
            steps.add(new Step("apiTokens", true, "access tokens are JWTs checked against the keys above (issuer, "
                    + "audience " + account.audience() + ", expiry, RS256)"));
            return true;
        }
        Exchange answer = probe.get();
        JsonNode body = answer.json();
        boolean refusedAsExpected = answer.failure() == null && answer.status() == 200 && body != null
                && (body.has("valid") || body.has("active")) && !body.path("valid").asBoolean(false)
                && !body.path("active").asBoolean(false);
        steps.add(new Step("apiTokens", refusedAsExpected, answer.failure() != null ? answer.failure()
                : refusedAsExpected ? "the token check at " + answer.url() + " refused a made-up token, as expected"
                : "the token check at " + answer.url() + " answered HTTP " + answer.status() + " without refusing"
                        + " a made-up token (valid/active false): check the account's API token settings"));
        return refusedAsExpected;
    }

    private boolean clientCredentials(AccountSettings account, ProviderType type, String tokenEndpoint,
            String secret, List<Step> steps) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", account.directoryClientId());
        form.put("client_secret", secret);
        type.directoryScope().ifPresent(scope -> form.put("scope", scope));
        Exchange answer = http.exchange(tokenEndpoint, Map.of(), form.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        if (answer.failure() != null) {
            steps.add(new Step("clientCredentials", false, answer.failure()));
            return false;
        }
        if (answer.status() != 200) {
            String error = error(answer);
            steps.add(new Step("clientCredentials", false, "the token endpoint refused the directory credentials"
                    + " (HTTP " + answer.status() + (error.isEmpty() ? "" : ", error " + error) + ")"));
            return false;
        }
        JsonNode token = answer.json();
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
            if (!http.isSecure(document.path(field).asString())) {
                steps.add(new Step("discovery", false, "invalid field: " + field + " in " + url
                        + " is not an absolute https URL (secrets and tokens would travel unprotected)"));
                return false;
            }
        }
        return true;
    }

    /** The body as a JSON object after a 2xx answer; else records why not and returns {@code null}. */
    private static JsonNode object(String step, Exchange answer, List<Step> steps) {
        if (answer.failure() != null) {
            steps.add(new Step(step, false, answer.failure()));
            return null;
        }
        if (answer.status() < 200 || answer.status() > 299) {
            steps.add(new Step(step, false, "HTTP " + answer.status() + " from " + answer.url()));
            return null;
        }
        JsonNode node = answer.json();
        if (node == null || !node.isObject()) {
            steps.add(new Step(step, false, "not JSON: " + answer.url() + " answered "
                    + (answer.contentType().isEmpty() ? "without a content type" : answer.contentType())
                    + " that is not a JSON object"));
            return null;
        }
        return node;
    }

    private static String error(Exchange answer) {
        JsonNode body = answer.json();
        return body == null ? "" : body.path("error").asString("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
