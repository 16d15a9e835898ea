package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the instance's REST API, authenticating with HTTP Basic. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String user;
    private final String password;
    private final String bearer;

    private Api(String base, String user, String password) {
        this(base, user, password, null);
    }

    private Api(String base, String user, String password, String bearer) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.bearer = bearer;
    }

    /** This API called with {@code Authorization: Bearer token} instead of a password. */
    public Api bearer(String token) {
        return new Api(base, null, null, token);
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, ADMIN, ADMIN_PASSWORD);
    }

    public Api as(String user, String password) {
        return new Api(base, user, password);
    }

    public Api anonymous() {
        return new Api(base, null, null);
    }

    /** Installs the package "Integration with the Adobe Experience Cloud", which the type adobe-ims needs. */
    public void installImsPackage() {
        Response installed = post("/api/v1/packages/ims/install", null);
        if (installed.status() != 200) {
            throw new IllegalStateException("Installing the ims package answered " + installed.status());
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.header("Accept", "application/json");
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Set-Cookie").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and body, with the body parsed as JSON on demand. */
    public record Response(int status, String contentType, String body, String setCookie) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The codes of the problem's field errors for {@code field}. */
        public java.util.List<String> errorCodes(String field) {
            java.util.List<String> codes = new java.util.ArrayList<>();
            for (JsonNode error : json().path("errors")) {
                if (field.equals(error.path("field").asString())) {
                    codes.add(error.path("code").asString());
                }
            }
            return codes;
        }
    }
}
