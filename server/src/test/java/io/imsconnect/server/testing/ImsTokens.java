package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the sandbox IMS, as a script would get them: client credentials of a technical account
 * (a Developer Console server-to-server credential), or a person's own token through the authorization-code
 * flow of the demo client. Also revokes them.
 */
public final class ImsTokens {

    public static final String SCOPES = "openid,AdobeID,read_organizations,additional_info.projectedProductContext";
    /** Technical accounts of the sandbox's demo data (sandbox-demo.yml). */
    public static final String ACME_SCRIPTS = "acme-scripts";
    public static final String ACME_SCRIPTS_SECRET = "scripts-secret";
    public static final String ACME_SCRIPTS_ID = "7F3E9A1B2C3D4E5F60718293@techacct.adobe.com";
    public static final String ACME_SCRIPTS_EMAIL = "3f9c1a2b-5d6e-4f70-8a9b-0c1d2e3f4a5b@techacct.adobe.com";
    public static final String ACME_REPORTS = "acme-reports";
    public static final String ACME_REPORTS_SECRET = "reports-secret";
    public static final String GLOBEX_SCRIPTS = "globex-scripts";
    public static final String GLOBEX_SCRIPTS_SECRET = "globex-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String REDIRECT = "http://localhost:1/login/oauth2/code/script";

    private final String ims = Sandbox.get().url();

    /** A client-credentials access token. */
    public String clientCredentials(String clientId, String secret) {
        return tokenRequest(clientId, secret, "grant_type=client_credentials&scope=" + encode(SCOPES))
                .path("access_token").asString();
    }

    /** The person's own access token for the demo client, through the authorization-code flow. */
    public String userToken(String email, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = URI.create(ims + "/ims/authorize/v2?response_type=code&client_id=" + Sandbox.CLIENT_ID
                + "&state=s&redirect_uri=" + encode(REDIRECT) + "&scope=" + encode(SCOPES));
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> page = send(browser, HttpRequest.newBuilder(next).GET().build());
            if (page.statusCode() == 200 && page.body().contains("name=\"password\"")) {
                Matcher csrf = CSRF.matcher(page.body());
                csrf.find();
                page = send(browser, HttpRequest.newBuilder(next.resolve("/ims/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password="
                                + encode(password) + "&_csrf=" + encode(csrf.group(1)))).build());
            }
            HttpResponse<String> last = page;
            String location = last.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                    "The sandbox's authorization flow stopped at " + last.uri() + ": " + last.statusCode()));
            next = last.uri().resolve(location);
            if (next.toString().startsWith(REDIRECT)) {
                String code = next.getQuery().replaceAll(".*code=([^&]+).*", "$1");
                return tokenRequest(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET, "grant_type=authorization_code&code="
                        + code + "&redirect_uri=" + encode(REDIRECT)).path("access_token").asString();
            }
        }
        throw new AssertionError("The sandbox's authorization flow did not come back");
    }

    /** Revokes the token at the sandbox (RFC 7009), as its own client. */
    public void revoke(String token, String clientId, String secret) {
        HttpResponse<String> answer = send(HttpClient.newHttpClient(), form(ims + "/ims/revoke", clientId, secret,
                "token=" + encode(token) + "&token_type_hint=access_token"));
        if (answer.statusCode() != 200) {
            throw new AssertionError("Revoking answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private JsonNode tokenRequest(String clientId, String secret, String body) {
        HttpResponse<String> answer = send(HttpClient.newHttpClient(), form(ims + "/ims/token/v3", clientId, secret,
                body));
        if (answer.statusCode() != 200) {
            throw new AssertionError("The token request answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static HttpRequest form(String url, String clientId, String secret, String body) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
