package io.imsconnect.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.InstanceTest;

/** The Adobe account journey in a real headless Chromium, on an instance where the ims package is not yet installed. */
@InstanceTest
@Tag("browser")
@TestPropertySource(properties = "imsconnect.test.context=account-browser")
class AccountBrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void adminInstallsThePackageFillsInTheAccountPreviewsTheMaskSavesAndSeesTheRedirectUri() {
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.findElement(By.id("nav-packages")).click();
        WebElement before = browser.findElement(By.id("package-ims"));
        browser.findElement(By.id("install-ims")).click();
        // The same row is on the page before and after the install: wait for the new page, not the old row.
        // ChromeDriver may answer "node does not belong to the document" rather than "stale" for the old row.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                before.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        assertThat(browser.findElement(By.id("package-ims")).getText()).contains("by admin");

        browser.findElement(By.id("nav-accounts")).click();
        browser.findElement(By.linkText("Adobe_Marketing_Cloud")).click();
        type("imsServer", "https://ims-na1.adobelogin.com");
        type("imsClientId", "campaign-client");
        type("imsClientSecret", "browser-secret-1");
        type("callbackServer", "https://campaign.example.com");
        type("imsOrganizationId", "A495E53C0123456789ABCDEF@AdobeOrg");
        type("associationMask", "Campaign - acme - (.*)");
        browser.findElement(By.id("enabled")).click();
        type("previewProfiles", "Campaign - acme - delivery\nCampaign - acme - nosuch\nAnalytics - acme - admin");
        String formUrl = browser.getCurrentUrl();
        browser.findElement(By.id("preview-mask")).click();

        // In place (htmx): the rows appear under the mask, the page and its unsaved edits (the secret too) stay.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("preview-row-0")));
        assertThat(browser.findElement(By.id("preview-row-0")).getAttribute("data-status")).isEqualTo("MAPPED");
        assertThat(browser.findElement(By.id("preview-row-1")).getAttribute("data-status")).isEqualTo("UNKNOWN_GROUP");
        assertThat(browser.findElement(By.id("preview-row-2")).getAttribute("data-status")).isEqualTo("NO_MATCH");
        assertThat(browser.getCurrentUrl()).isEqualTo(formUrl);
        assertThat(browser.findElement(By.id("imsClientSecret")).getAttribute("value")).isEqualTo("browser-secret-1");
        assertThat(browser.findElement(By.id("imsServer")).getAttribute("value")).isEqualTo("https://ims-na1.adobelogin.com");
        browser.findElement(By.id("save-account")).click();

        assertThat(browser.findElement(By.className("flash")).getText()).contains("saved");
        assertThat(browser.findElement(By.id("redirect-uri")).getText())
                .isEqualTo("https://campaign.example.com/login/oauth2/code/Adobe_Marketing_Cloud");
        assertThat(browser.findElement(By.id("imsClientSecret-state")).getText()).isEqualTo("A secret is stored.");
        assertThat(browser.getPageSource()).doesNotContain("browser-secret-1");

        browser.findElement(By.id("nav-mask-preview")).click();
        new Select(browser.findElement(By.id("account"))).selectByValue("Adobe_Marketing_Cloud");
        type("profiles", "Campaign - acme - admin");
        browser.findElement(By.id("preview-submit")).click();
        assertThat(browser.findElement(By.id("preview-row-0")).getAttribute("data-status")).isEqualTo("MAPPED");
        assertThat(Api.at(port).get("/api/v1/external-accounts/Adobe_Marketing_Cloud").json().path("enabled")
                .asBoolean()).isTrue();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void signIn(String name, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
