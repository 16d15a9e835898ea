package io.imsconnect.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

/**
 * Takes the README's screenshots (home, login decisions, a refusal) into {@code docs/screenshots/} from real
 * sign-ins through the sandbox, so they show the console as it is. The property gives this class an application
 * context, and so a database, of its own: the pictures show this test's data only.
 */
@SignInTest
@TestPropertySource(properties = "imsconnect.test.context=readme-screenshots")
@Tag("browser")
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
    void screenshotsWhenTakenThenShowHomeLoginDecisionsAndARefusal() throws IOException {
        Api api = Api.at(port);
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, "\"label\":\"Adobe ID\"");
        api.post("/api/v1/security-groups", "{\"internalName\":\"delivery\",\"label\":\"Delivery\",\"rights\":[\"delivery\"]}");
        assertThat(api.post("/api/v1/external-accounts/" + account + "/test", null).json().path("ok").asBoolean())
                .isTrue();
        Files.createDirectories(SCREENSHOTS);
        signInWithAdobeId(account, "alice@acme.example");
        browser.findElement(By.id("me-name"));
        browser.manage().deleteAllCookies();
        signInWithAdobeId(account, "carol@acme.example");
        browser.findElement(By.tagName("h1"));
        save("refusal.png");
        browser.manage().deleteAllCookies();
        signIn();

        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("#account-state-" + account + " .last-sign-in")).getText())
                .isNotEqualTo("never");
        assertThat(browser.findElement(By.cssSelector("#account-state-" + account + " .last-test")).getText())
                .contains("works");
        assertThat(browser.findElement(By.id("refusals-REFUSED_NO_MATCHING_GROUP")).getText())
                .startsWith("Refused: no matching group");
        save("home.png");
        browser.get(url("/admin/login-decisions?account=" + account));
        assertThat(browser.findElement(By.className("page-count")).getText()).isEqualTo("1–2 of 2");
        save("login-decisions.png");

        assertThat(SCREENSHOTS.resolve("home.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("login-decisions.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("refusal.png")).isNotEmptyFile();
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

    private void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(Api.ADMIN);
        browser.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        browser.findElement(By.id("me-name"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
