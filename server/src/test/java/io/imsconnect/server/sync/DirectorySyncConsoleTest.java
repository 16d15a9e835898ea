package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.provisioning.Provisioning;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.Sandbox;
import io.imsconnect.server.testing.SignInTest;

/**
 * The console's Directory sync page over real HTTP, signed in as an administrator of its own. A context of its own
 * (the property restates a default): in the full suite, the sign-in context shared with the sign-in tests answered
 * this console sign-in 403, which it never did alone; not understood yet.
 */
@SignInTest
@TestPropertySource(properties = "imsconnect.sync.max-back-off=10m")
class DirectorySyncConsoleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Provisioning provisioning;

    @Autowired
    AccountService accountService;

    @Autowired
    OperatorService operators;

    @Test
    void consoleWhenRunStartedThenItsChangesShownAndAHeldRunApplied() throws Exception {
        String account = syncs().account();
        List<String> ghosts = ghosts(account, 11);
        String administrator = "sync-admin-" + account;
        operators.createLocal(administrator, "Sync administrator", "sync-admin-password", Set.of("admin"));
        ConsoleSession console = ConsoleSession.signIn(port, administrator, "sync-admin-password");
        assertThat(console.get("/admin/directory-sync").statusCode()).isEqualTo(200);

        HttpResponse<String> started = console.postForm("/admin/directory-sync", "/admin/directory-sync/start",
                Map.of("account", account, "dryRun", "false"));
        assertThat(started.statusCode()).isEqualTo(302);
        String runPage = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        long id = Long.parseLong(runPage.substring(runPage.lastIndexOf('/') + 1));
        syncs().awaitEnd(id, TIMEOUT);
        String held = console.get(runPage).body();
        assertThat(held).contains("id=\"run-state\"").contains("HELD").contains(ghosts.get(0)).contains("SUSPEND");
        JsonNode heldRun = syncs().awaitEnd(id, TIMEOUT);
        assertThat(held).contains("id=\"run-time\"").contains(heldRun.path("directoryMillis").asLong()
                + " ms reading the directory, " + heldRun.path("databaseMillis").asLong() + " ms in the database");

        HttpResponse<String> applied = console.postForm(runPage, runPage + "/apply", Map.of());

        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(syncs().awaitEnd(id, TIMEOUT).path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(console.get("/admin/directory-sync?operator=" + ghosts.get(0)).body()).contains("run-" + id);
        assertThat(console.get("/admin/operators/" + ghosts.get(0)).body()).contains("suspended by the directory sync")
                .contains("/admin/directory-sync?operator=");
    }

    @Test
    @Tag("browser")
    void browserWhenRunNowThenThePageWatchesItToHeldShowsTheChangesAndAppliesThePlan() {
        String account = syncs().account("\"syncCapOperators\":0,\"syncCapPercent\":0");
        String ghost = ghosts(account, 1).get(0);
        String administrator = "sync-browser-" + account;
        operators.createLocal(administrator, "Sync administrator", "sync-admin-password", Set.of("admin"));
        Sandbox.get().faults("{\"umapiDelayMillis\":1500}");
        WebDriver browser = Chromium.start();
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys(administrator);
            browser.findElement(By.id("password")).sendKeys("sync-admin-password");
            browser.findElement(By.id("sign-in")).click();
            // The sign-in's redirect must land (its session cookie set) before the next page is asked for.
            new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            browser.get("http://localhost:" + port + "/admin/directory-sync");
            new Select(browser.findElement(By.id("start-account"))).selectByValue(account);
            browser.findElement(By.id("run-now")).click();

            assertThat(browser.findElement(By.id("run-state")).getText()).startsWith("RUNNING");
            WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
            // The run's page reloads itself while the run is RUNNING: no click between RUNNING and HELD.
            wait.until(ExpectedConditions.textToBe(By.id("run-state"), "HELD"));
            String runPage = browser.getCurrentUrl();
            browser.findElement(By.cssSelector(".crumbs a")).click();
            browser.findElement(By.cssSelector("a[href$='" + URI.create(runPage).getPath() + "']")).click();
            assertThat(browser.findElement(By.id("changes")).getText()).contains(ghost).contains("SUSPEND");

            browser.findElement(By.id("apply")).click();

            wait.until(ExpectedConditions.textToBe(By.id("run-state"), "SUCCEEDED"));
            assertThat(syncs().operator(ghost).path("suspended").asBoolean()).isTrue();
        } finally {
            browser.quit();
            Sandbox.get().clearFaults();
        }
    }

    private Syncs syncs() {
        return new Syncs(Api.at(port), port);
    }

    private List<String> ghosts(String account, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(Syncs.ghost(provisioning, accountService.require(account), "CON" + i + account + "@AdobeID"));
        }
        return names;
    }
}
