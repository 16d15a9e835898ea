package io.imsconnect.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for the console's main journeys. Missing Chromium is a test
 * failure, never a skip: {@code scripts/install-test-deps} installs it.
 */
public final class Chromium {

    public static final Path BINARY = Path.of(System.getProperty("imsconnect.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("imsconnect.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need Chromium at " + BINARY + " and ChromeDriver at "
                    + DRIVER + ": run scripts/install-test-deps (or apt-get install -y chromium chromium-driver)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("imsconnect-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=1280,900",
                // Bootstrap scrolls smoothly unless reduced motion is asked: a click below the fold would land on
                // whatever is there before the scroll ends (ElementClickInterceptedException).
                "--force-prefers-reduced-motion");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2)).pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Signs in as the break-glass administrator at the instance on {@code port}; returns once the console shows. */
    public static void signInAsAdmin(ChromeDriver browser, int port) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(Api.ADMIN);
        // Enter submits: with many accounts the sign-in page's button can be below the fold.
        browser.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
        browser.findElement(By.id("me-name"));
    }
}
