package io.imsconnect.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

import tools.jackson.databind.JsonNode;

/**
 * Takes the README's console screenshots (home, login decisions; SignInBrowserTest takes the refusal) into
 * {@code docs/screenshots/} from real sign-ins through the sandbox, so they show the console as it is. The property gives this class an application
 * context, and so a database, of its own: the pictures show this test's data only, and the first test sees an
 * instance that is not set up yet; a longer read timeout, as the pictures are not about a slow provider.
 */
@SignInTest
@TestPropertySource(properties = { "imsconnect.test.context=readme-screenshots", "imsconnect.login.read-timeout=10s" })
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeScreenshotsTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(1280, 860));
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    @Order(1)
    void homeWhenNothingIsSetUpThenListsWhatToDoNextEachALink() {
        Chromium.signInAsAdmin(browser, port);

        assertThat(browser.findElement(By.cssSelector("#setup-package a")).getAttribute("href"))
                .endsWith("/admin/packages");
        assertThat(browser.findElement(By.cssSelector("#setup-account a")).getAttribute("href"))
                .endsWith("/admin/accounts");
        assertThat(browser.findElement(By.cssSelector("#setup-groups a")).getAttribute("href"))
                .endsWith("/admin/groups/new");
    }

    @Test
    @Order(2)
    void screenshotsWhenTakenThenShowHomeAndLoginDecisions() throws IOException {
        Api api = Api.at(port);
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, "\"label\":\"Adobe ID\"");
        api.post("/api/v1/security-groups", "{\"internalName\":\"delivery\",\"label\":\"Delivery\",\"rights\":[\"delivery\"]}");
        JsonNode report = api.post("/api/v1/external-accounts/" + account + "/test", null).json();
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        Files.createDirectories(SCREENSHOTS);
        signInWithAdobeId(account, "alice@acme.example");
        browser.findElement(By.id("me-name"));
        browser.manage().deleteAllCookies();
        signInWithAdobeId(account, "carol@acme.example");
        browser.findElement(By.tagName("h1"));
        browser.manage().deleteAllCookies();
        Chromium.signInAsAdmin(browser, port);

        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("#account-state-" + account + " .last-sign-in")).getText())
                .isNotEqualTo("never");
        assertThat(browser.findElement(By.cssSelector("#account-state-" + account + " .last-test")).getText())
                .contains("works");
        assertThat(browser.findElement(By.id("refusals-REFUSED_NO_MATCHING_GROUP")).getText())
                .startsWith("Refused: no matching group");
        assertThat(browser.findElements(By.id("setup"))).isEmpty();
        save("home.png");
        browser.get(url("/admin/login-decisions?account=" + account));
        assertThat(browser.findElement(By.className("page-count")).getText()).isEqualTo("1–2 of 2");
        save("login-decisions.png");

        assertThat(SCREENSHOTS.resolve("home.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("login-decisions.png")).isNotEmptyFile();
    }

    private void save(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private void signInWithAdobeId(String account, String email) {
        browser.get(url("/login"));
        browser.findElement(By.id("idp-" + account)).click();
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Sandbox.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
