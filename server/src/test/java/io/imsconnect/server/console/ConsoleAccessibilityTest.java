package io.imsconnect.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every console page checked by axe-core (the WebJar, test scope) in Chromium: a {@code serious} or
 * {@code critical} violation fails the test and is printed.
 */
@SignInTest
@Tag("browser")
class ConsoleAccessibilityTest {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final Set<String> FAILING = Set.of("serious", "critical");

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    @Autowired
    LoginDecisionService decisions;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void everyConsolePageWhenCheckedByAxeThenHasNoSeriousOrCriticalViolation() {
        Api api = Api.at(port);
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);
        String operator = "axe" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(operator, "Axe", "axe-password-1", Set.of());
        decisions.recordFailure(account, "checked by axe");
        List<String> problems = new ArrayList<>();
        check("/login", problems);
        Chromium.signInAsAdmin(browser, port);
        for (String page : List.of("/", "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + account,
                "/admin/accounts/" + account + "/delete", "/admin/operators", "/admin/operators/" + operator,
                "/admin/operators/" + operator + "/disable", "/admin/groups", "/admin/groups/new",
                "/admin/groups/admin", "/admin/groups/admin/delete", "/admin/login-decisions",
                "/admin/login-decisions?from=not-a-date", "/admin/directory-sync", "/admin/packages",
                "/admin/audit", "/admin/mask-preview", "/admin/no-such-page")) {
            check(page, problems);
        }
        problems.forEach(System.out::println);
        assertThat(problems).isEmpty();
    }

    private void check(String page, List<String> problems) {
        browser.get(url(page));
        browser.executeScript(axeSource());
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));""");
        assertThat(answer.toString()).as(page).doesNotStartWith("error");
        for (JsonNode violation : JsonMapper.shared().readTree(answer.toString())) {
            if (FAILING.contains(violation.path("impact").asString())) {
                List<String> where = new ArrayList<>();
                violation.path("nodes").forEach(node -> where.add(node.path("target").toString()));
                problems.add(page + ": " + violation.path("impact").asString() + " " + violation.path("id").asString()
                        + " (" + violation.path("help").asString() + ") at " + where);
            }
        }
    }

    private static String axeSource() {
        try (InputStream in = ConsoleAccessibilityTest.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as(AXE + " on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
