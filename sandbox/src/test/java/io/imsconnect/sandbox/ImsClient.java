package io.imsconnect.sandbox;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like client of the sandbox over real HTTP: cookies kept, redirects followed by hand so tests see each step.
 */
final class ImsClient {

    static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/Adobe_Marketing_Cloud";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final SandboxServer sandbox;

    private final HttpClient http;

    ImsClient(SandboxServer sandbox) {
        this.sandbox = sandbox;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A PKCE verifier and its S256 challenge (RFC 7636). */
    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    static Map<String, String> authorizeParams(String scope, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", TestSandbox.WEB_CLIENT);
        params.put("response_type", "code");
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", scope);
        params.put("state", "state-123");
        params.put("nonce", "nonce-456");
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return params;
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").method(method, body)
                .build());
    }

    /**
     * Authorize, sign in through the form if asked to, and return the final redirect to the client.
     *
     * @return the {@code Location} the sandbox sends the browser to at the end
     */
    String authorize(Map<String, String> params, String email, String password) {
        HttpResponse<String> response = get("/ims/authorize/v2?" + encode(params));
        assertThat(response.statusCode()).isEqualTo(302);
        String location = location(response);
        if (location.contains("/ims/login")) {
            HttpResponse<String> form = get(location);
            assertThat(form.statusCode()).isEqualTo(200);
            HttpResponse<String> login = postForm("/ims/login",
                    Map.of("username", email, "password", password, "_csrf", csrf(form.body())));
            assertThat(login.statusCode()).isEqualTo(302);
            location = location(login);
            if (location.contains("/ims/login")) {
                return location;
            }
            response = get(location);
            assertThat(response.statusCode()).isEqualTo(302);
            location = location(response);
        }
        return location;
    }

    /** Signs in with PKCE and exchanges the code; returns the token response. */
    Map<String, Object> signIn(String email, String scope) {
        Pkce pkce = Pkce.create();
        String location = authorize(authorizeParams(scope, pkce), email, "password");
        HttpResponse<String> token = exchange(query(location).get("code"), pkce.verifier());
        assertThat(token.statusCode()).isEqualTo(200);
        return json(token.body());
    }

    HttpResponse<String> exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return postForm("/ims/token/v3", form, "Authorization", basic(TestSandbox.WEB_CLIENT, TestSandbox.WEB_SECRET));
    }

    String directoryToken() {
        HttpResponse<String> response = postForm("/ims/token/v3",
                Map.of("grant_type", "client_credentials", "scope", "openid,AdobeID,user_management_sdk"),
                "Authorization", basic(TestSandbox.DIRECTORY_CLIENT, TestSandbox.DIRECTORY_SECRET));
        assertThat(response.statusCode()).isEqualTo(200);
        return (String) json(response.body()).get("access_token");
    }

    HttpResponse<String> umapi(String token, String path) {
        return get(path, "Authorization", "Bearer " + token, "x-api-key", TestSandbox.DIRECTORY_CLIENT);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> result = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        }
        catch (ParseException ex) {
            throw new AssertionError("not a JSON object: " + body, ex);
        }
    }

    static List<Object> jsonArray(String body) {
        try {
            return JSONArrayUtils.parse(body);
        }
        catch (ParseException ex) {
            throw new AssertionError("not a JSON array: " + body, ex);
        }
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("sign-in form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : sandbox.baseUrl() + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError("request failed: " + request.uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
