package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

/** Sign in with Adobe ID in a real headless Chromium, against the sandbox IMS. */
@SignInTest
@Tag("browser")
class SignInBrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;
    String account;

    @BeforeEach
    void setUp() {
        account = new Accounts(Api.at(port), port).adobeIms(Accounts.ACME_MASK, null);
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void allowedUserSignsInWithAdobeIdAndSeesTheirGroupsThenSignsOut() {
        signInWithAdobeId("alice@acme.example");

        assertThat(browser.findElement(By.id("me-name")).getText()).startsWith("alice@acme.example");
        assertThat(browser.findElement(By.id("my-groups")).getText()).contains("admin").contains("delivery")
                .contains("MASK");

        browser.findElement(By.id("sign-out")).click();

        // Sign-out goes through the provider's logout and back: wait for the last redirect, not the first page.
        waitFor(ExpectedConditions.urlToBe("http://localhost:" + port + "/login?logout"));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/login?logout");
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/login");
    }

    @Test
    void refusedUserSeesPlainWordsAndTheReferenceButNoMaskOrganizationOrProfileName() throws Exception {
        signInWithAdobeId("carol@acme.example");

        assertThat(browser.getTitle()).isEqualTo(text("refusal.NO_PROFILE.title") + " · IMS Connect");
        assertThat(browser.findElement(By.id("refused-title")).getText()).isEqualTo(text("refusal.NO_PROFILE.title"));
        assertThat(browser.findElement(By.id("refused-what")).getText()).isEqualTo(text("refusal.NO_PROFILE.what"));
        String reference = browser.findElement(By.id("refused-reference")).getText();
        assertThat(reference).hasSize(36);
        assertThat(browser.findElement(By.id("refused-time")).getAttribute("datetime")).endsWith("Z");
        assertThat(browser.findElements(By.cssSelector("main#main, header, footer"))).hasSize(3);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.getPageSource()).doesNotContain("Campaign - acme").doesNotContain("Analytics - acme")
                .doesNotContain(Sandbox.ACME).doesNotContain("Login does not have any right")
                .doesNotContain("nav-groups");
        // The public layout's stylesheets load from the instance (the Content-Security-Policy forbids the rest).
        assertThat(browser.findElement(By.id("sign-in-another")).getCssValue("background-color"))
                .isEqualTo("rgba(10, 88, 202, 1)");
        Path screenshot = Path.of("..", "docs", "screenshots", "refusal.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.manage().window().setSize(new Dimension(360, 800));
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("horizontal scroll at phone width").isLessThanOrEqualTo(0L);
    }

    @Test
    void refusedUserSignsInWithAnotherAdobeIdThroughTheProvidersFormAndGetsIn() {
        signInWithAdobeId("carol@acme.example");
        assertThat(browser.getCurrentUrl()).endsWith("/login/refused");

        // Without prompt=login the provider's live session signs the same refused person in again, unasked.
        browser.findElement(By.id("back-to-sign-in")).click();
        browser.findElement(By.id("idp-" + account)).click();
        waitFor(ExpectedConditions.urlContains("/login/refused"));
        assertThat(browser.getCurrentUrl()).endsWith("/login/refused");
        assertThat(browser.findElements(By.id("password"))).isEmpty();

        browser.findElement(By.id("sign-in-another")).click();

        waitFor(ExpectedConditions.urlContains("/ims/login"));
        assertThat(browser.getCurrentUrl()).startsWith(Sandbox.get().url() + "/ims/login");
        browser.findElement(By.id("username")).sendKeys("alice@acme.example");
        browser.findElement(By.id("password")).sendKeys(Sandbox.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.id("me-name")).getText()).startsWith("alice@acme.example");
    }

    @Test
    void publicPagesHaveNoSeriousAccessibilityViolationsAndAVisibleKeyboardFocus() {
        browser.get("http://localhost:" + port + "/login");
        assertThat(AxeCheck.seriousViolations(browser)).as("sign-in page").isEmpty();
        browser.get("http://localhost:" + port + "/error");
        assertThat(AxeCheck.seriousViolations(browser)).as("error page").isEmpty();

        signInWithAdobeId("carol@acme.example");
        assertThat(AxeCheck.seriousViolations(browser)).as("refusal page").isEmpty();

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("href")).endsWith("#main");
        assertThat(skip.isDisplayed()).isTrue();
        WebElement focused = skip;
        for (int i = 0; i < 10 && !"sign-in-another".equals(focused.getAttribute("id")); i++) {
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertThat(focused.getAttribute("id")).isEqualTo("sign-in-another");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(focused.getCssValue("outline-color")).isEqualTo("rgba(10, 88, 202, 1)");

        focused.sendKeys(Keys.ENTER);
        browser.findElement(By.id("username")).sendKeys("alice@acme.example");
        browser.findElement(By.id("password")).sendKeys(Sandbox.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.findElement(By.id("me-name"));
        browser.get("http://localhost:" + port + "/admin/no-such-page");
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo(text("error.404.title"));
        assertThat(AxeCheck.seriousViolations(browser)).as("not-found page").isEmpty();
    }

    private static String text(String key) {
        return ResourceBundle.getBundle("messages", Locale.ROOT).getString(key);
    }

    private void signInWithAdobeId(String email) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("idp-" + account)).click();
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Sandbox.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // Back from the provider through the callback's redirects: wait until the browser left the provider.
        waitFor(driver -> !driver.getCurrentUrl().startsWith(Sandbox.get().url()));
    }

    private void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
