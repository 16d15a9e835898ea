package io.imsconnect.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.InstanceTest;

/** The console's main journeys in a real headless Chromium. */
@InstanceTest
@Tag("browser")
class ConsoleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

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
    void adminSignsInCreatesAGroupAndGivesAnOperatorAManualMembership() {
        String group = "journey" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String operator = "member" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(operator, "Member", "member-password-1", Set.of());

        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(browser.findElement(By.id("me-name")).getText()).isEqualTo("admin");

        browser.findElement(By.id("nav-groups")).click();
        browser.findElement(By.id("new-group")).click();
        browser.findElement(By.id("internalName")).sendKeys(group);
        browser.findElement(By.id("label")).sendKeys("Journey group");
        browser.findElement(By.id("right-delivery")).click();
        browser.findElement(By.id("save-group")).click();
        assertThat(browser.findElement(By.id("group-" + group)).getText()).contains("Journey group").contains("delivery");

        browser.get(url("/admin/operators/" + operator));
        new Select(browser.findElement(By.id("group"))).selectByValue(group);
        browser.findElement(By.id("add-group")).click();
        assertThat(browser.findElement(By.id("membership-" + group + "-MANUAL")).getText()).contains("MANUAL");
        assertThat(Api.at(port).get("/api/v1/operators/" + operator).json().path("rights").toString())
                .isEqualTo("[\"delivery\"]");
    }

    @Test
    void operatorWithoutAdminRightSeesNoAdministrationAndIsRefusedIt() {
        String operator = "reader" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(operator, "Reader", "reader-password-1", Set.of("report"));

        signIn(operator, "reader-password-1");
        assertThat(browser.findElement(By.id("me-name")).getText()).isEqualTo(operator);
        assertThat(browser.findElements(By.id("nav-groups"))).isEmpty();

        browser.get(url("/admin/groups"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    }

    @Test
    void signInWhenPasswordWrongThenLoginPageSaysSoWithoutHint() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("sign-in")).click();

        assertThat(browser.findElement(By.id("login-error")).getText()).startsWith("Sign-in refused");
    }

    private void signIn(String name, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
