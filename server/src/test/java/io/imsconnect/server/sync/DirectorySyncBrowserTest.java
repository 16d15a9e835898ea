package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

/** A running directory sync's page updates in place (htmx polling) until the run ends, in Chromium. */
@SignInTest
@Tag("browser")
class DirectorySyncBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    Syncs syncs;

    @BeforeEach
    void start() {
        syncs = new Syncs(Api.at(port), port);
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        Sandbox.get().clearFaults();
        browser.quit();
    }

    @Test
    void runPageWhenRunIsRunningThenUpdatesInPlaceUntilItEnds() {
        String account = syncs.account();
        // Throttled: the run waits (a reschedule) and stays RUNNING until the directory answers again.
        Sandbox.get().faults("{\"umapiStatus\":429,\"umapiRetryAfterSeconds\":2}");
        long id = syncs.start(account, true);
        Chromium.signInAsAdmin(browser, port);
        browser.get("http://localhost:" + port + "/admin/directory-sync/" + id);
        assertThat(browser.findElement(By.id("run-state")).getText()).contains("RUNNING");
        assertThat(browser.findElement(By.id("run-live")).getAttribute("hx-trigger")).isEqualTo("every 2s");
        browser.executeScript("window.samePage = true");

        Sandbox.get().clearFaults();

        // htmx swaps the state in place: an element found just before a swap is stale when read, so look again.
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(b -> !b.findElement(By.id("run-state")).getText().contains("RUNNING"));
        assertThat(browser.findElement(By.id("run-state")).getText()).contains("DRY_RUN");
        assertThat(browser.executeScript("return window.samePage === true")).isEqualTo(true);
        assertThat(browser.findElement(By.id("run-live")).getAttribute("hx-trigger")).isNull();
    }

}
