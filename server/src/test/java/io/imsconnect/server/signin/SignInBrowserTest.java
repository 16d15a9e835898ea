package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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

        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/login?logout");
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/login");
    }

    @Test
    void refusedUserSeesWhyAndTheReference() {
        signInWithAdobeId("carol@acme.example");

        assertThat(browser.findElement(By.id("refused-title")).getText()).contains("no matching security group");
        assertThat(browser.findElement(By.id("refused-reason")).getText())
                .contains("Login does not have any right matching the expression")
                .contains("Analytics - acme - reports");
        assertThat(browser.findElement(By.id("refused-reference")).getText()).hasSize(36);
    }

    private void signInWithAdobeId(String email) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("idp-" + account)).click();
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Sandbox.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
