package io.imsconnect.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInFlow;

/**
 * Cross-site scripting, stored and reflected: markup sent by an attacker (through the API, an identity provider's
 * claims, a callback's {@code error}, a query parameter or a path) reaches the console's pages as text, never as
 * markup. Each case checks both halves: the raw markup is absent, and its escaped form is present (so the value
 * really is on the page). The defence is Thymeleaf's {@code th:text}/{@code th:value} escaping and, behind it, the
 * Content-Security-Policy. docs/security/hostile-inputs.md.
 */
@HostileSignInTest
class ScriptInjectionTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String BREAK_OUT = "\"><img src=x onerror=alert(2)>";
    static final String BREAK_OUT_RAW = "<img src=x onerror=alert(2)>";
    static final String BREAK_OUT_ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;";

    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    Api api;
    Accounts accounts;
    Sandbox sandbox = Sandbox.get();

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        accounts = new Accounts(api, port);
    }

    @AfterEach
    void restoreSandbox() {
        sandbox.clearFaults();
        sandbox.restoreAliceName();
    }

    @Test
    void groupLabelWhenMarkupThenShownAsTextOnListFormAndAuditLog() throws Exception {
        String group = "xss" + unique();
        assertThat(api.post("/api/v1/security-groups", "{\"internalName\":\"" + group + "\",\"label\":\"" + SCRIPT
                + "\",\"rights\":[]}").status()).isEqualTo(201);
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        assertText(admin.get("/admin/groups").body(), SCRIPT, SCRIPT_ESCAPED);
        assertText(admin.get("/admin/groups/" + group).body(), SCRIPT, SCRIPT_ESCAPED);
        assertText(admin.get("/admin/audit").body(), SCRIPT, SCRIPT_ESCAPED);
    }

    @Test
    void accountLabelWhenMarkupThenShownAsTextOnTheSignInPageAndTheAccountPages() throws Exception {
        String account = accounts.adobeIms(Accounts.ACME_MASK, "\"label\":" + json(BREAK_OUT));
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        assertText(anonymousGet("/login").body(), BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
        assertText(admin.get("/admin/accounts").body(), BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
        assertText(admin.get("/admin/accounts/" + account).body(), BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
    }

    @Test
    void operatorNameFromTheIdentityProvidersClaimsWhenMarkupThenShownAsText() throws Exception {
        sandbox.rename(Sandbox.ALICE, SCRIPT, "Archer");
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow alice = new SignInFlow(port);
        SignInFlow.Step home = alice.signIn(account, "alice@acme.example", Sandbox.PASSWORD);
        assertThat(home.uri().getPath()).as(home.body()).isEqualTo("/");
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String operator = operatorOf(account);

        assertText(alice.get("/").body(), SCRIPT, SCRIPT_ESCAPED);
        assertText(admin.get("/admin/operators").body(), SCRIPT, SCRIPT_ESCAPED);
        assertText(admin.get("/admin/operators/" + operator).body(), SCRIPT, SCRIPT_ESCAPED);
    }

    @Test
    void maskAndProfileNamesWhenMarkupThenShownAsTextOnTheAccountFormAndTheMaskPreview() throws Exception {
        String mask = "Campaign - acme - (.*)" + BREAK_OUT;
        String account = accounts.adobeIms(json(mask).substring(1, json(mask).length() - 1), null);
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        assertText(admin.get("/admin/accounts/" + account).body(), BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
        String preview = admin.postForm("/admin/mask-preview", "/admin/mask-preview",
                Map.of("mask", "(.*)", "profiles", SCRIPT)).body();
        assertText(preview, SCRIPT, SCRIPT_ESCAPED);
    }

    @Test
    void callbackErrorWhenMarkupThenTheRefusalPageAndTheRecordedReasonShowItAsText() throws Exception {
        String account = accounts.adobeIms(Accounts.ACME_MASK, null);
        SignInFlow victim = new SignInFlow(port);
        URI callback = victim.untilCallback(account, "alice@acme.example", Sandbox.PASSWORD);
        String state = callback.getRawQuery().replaceAll(".*(?:^|&)state=([^&]+).*", "$1");

        SignInFlow.Step refused = victim.deliver(URI.create("http://localhost:" + port + "/login/oauth2/code/" + account
                + "?error=" + encode(SCRIPT) + "&error_description=" + encode(BREAK_OUT) + "&state=" + state));

        assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
        assertText(refused.body(), SCRIPT, SCRIPT_ESCAPED);
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertText(admin.get("/admin/login-decisions?outcome=FAILED").body(), SCRIPT, SCRIPT_ESCAPED);
    }

    @Test
    void queryParametersWhenMarkupThenEchoedAsText() throws Exception {
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String hostile = encode(BREAK_OUT);

        assertText(admin.get("/admin/login-decisions?operator=" + hostile + "&reference=").body(), BREAK_OUT_RAW,
                BREAK_OUT_ESCAPED);
        assertText(admin.get("/admin/login-decisions?from=" + hostile).body(), BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
        assertText(admin.get("/admin/audit?actor=" + hostile).body(), BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
        assertText(admin.get("/admin/login-failures?account=" + hostile + "&reason=" + hostile).body(),
                BREAK_OUT_RAW, BREAK_OUT_ESCAPED);
        String login = anonymousGet("/login?returnTo=" + encode("/" + BREAK_OUT)).body();
        assertThat(login).doesNotContain(BREAK_OUT_RAW).doesNotContain("\"><img");
    }

    @Test
    void errorPagesWhenThePathCarriesMarkupThenNeitherEchoItNorServeHtmlFromTheApi() throws Exception {
        ConsoleSession admin = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);
        String markup = encode(BREAK_OUT_RAW);

        HttpResponse<String> page = admin.get("/admin/nothing-" + markup);
        HttpResponse<String> start = anonymousGet("/login/start/" + markup);
        Api.Response problem = api.get("/api/v1/nothing-" + markup);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(BREAK_OUT_RAW).doesNotContain("Exception");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login?unknownAccount");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.body()).doesNotContain(BREAK_OUT_RAW);
    }

    /** The raw markup is absent and its escaped form present: the value is on the page, as text. */
    private static void assertText(String page, String raw, String escaped) {
        assertThat(page).doesNotContain(raw).contains(escaped);
    }

    private String operatorOf(String account) {
        for (var operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())) {
                return operator.path("name").asString();
            }
        }
        throw new AssertionError("No operator of " + account);
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return ANONYMOUS.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
