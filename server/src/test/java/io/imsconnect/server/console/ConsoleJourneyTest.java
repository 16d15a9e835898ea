package io.imsconnect.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Chromium;
import io.imsconnect.server.testing.SignInTest;

/** The administrators' console journeys of issue 11 in a real headless Chromium, JavaScript on. */
@SignInTest
@Tag("browser")
class ConsoleJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorService operators;

    @Autowired
    LoginDecisionService decisions;

    ChromeDriver browser;
    Api api;

    @BeforeEach
    void start() {
        api = Api.at(port);
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void deleteAccountWhenClickedThenAsksFirstNamingWhatIsLostThenDeletesOnConfirm() {
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);
        operators.createExternal(account, "subject-" + account, "dependent@" + account + ".example", "Dependent",
                false);
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/accounts/" + account));

        browser.findElement(By.id("delete-account")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/admin/accounts/" + account + "/delete");
        assertThat(api.get("/api/v1/external-accounts/" + account).status()).isEqualTo(200);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(account);
        assertThat(browser.findElement(By.id("operators-depend")).getText()).startsWith("1 operator");
        long enabled = api.get("/api/v1/external-accounts").json().valueStream()
                .filter(a -> a.path("enabled").asBoolean()).count();
        assertThat(browser.findElements(By.id("only-enabled-account"))).hasSize(enabled == 1 ? 1 : 0);
        assertThat(browser.findElement(By.id("losses")).getText()).contains("stored secrets").contains("sign-in");

        browser.findElement(By.id("cancel")).click();
        assertThat(api.get("/api/v1/external-accounts/" + account).status()).isEqualTo(200);

        browser.findElement(By.id("delete-account")).click();
        browser.findElement(By.id("confirm")).click();

        assertThat(browser.findElement(By.className("flash")).getText()).contains("deleted");
        assertThat(api.get("/api/v1/external-accounts/" + account).status()).isEqualTo(404);
    }

    @Test
    void disableOperatorWhenClickedThenAsksFirstThenDisablesOnConfirm() {
        String name = "victim" + UUID.randomUUID().toString().substring(0, 8);
        operators.createLocal(name, "Victim", "victim-password-1", Set.of());
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/operators/" + name));

        browser.findElement(By.id("disable-operator")).click();

        assertThat(browser.findElement(By.id("losses")).getText()).contains("sessions end");
        assertThat(api.get("/api/v1/operators/" + name).json().path("disabled").asBoolean()).isFalse();
        browser.findElement(By.id("confirm")).click();

        assertThat(browser.findElement(By.id("operator-status")).getText()).isEqualTo("disabled");
        assertThat(api.get("/api/v1/operators/" + name).json().path("disabled").asBoolean()).isTrue();
    }

    @Test
    void deleteGroupWhenClickedThenAsksFirstThenDeletesOnConfirm() {
        String group = "doomed" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        assertThat(api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + group + "\",\"label\":\"Doomed\",\"rights\":[\"report\"]}").status())
                .isEqualTo(201);
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/groups/" + group));

        browser.findElement(By.id("delete-group")).click();

        assertThat(browser.findElement(By.id("losses")).getText()).contains("report");
        assertThat(api.get("/api/v1/security-groups/" + group).status()).isEqualTo(200);
        browser.findElement(By.id("confirm")).click();

        assertThat(browser.findElement(By.className("flash")).getText()).contains("deleted");
        assertThat(api.get("/api/v1/security-groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void testConnectionWhenClickedThenReportAppearsInPlaceKeepingUnsavedEditsAndHomeShowsIt() {
        String account = new Accounts(api, port).adobeIms(Accounts.ACME_MASK, null);
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/accounts/" + account));
        String formUrl = browser.getCurrentUrl();
        WebElement label = browser.findElement(By.id("label"));
        label.clear();
        label.sendKeys("An edit not saved yet");

        browser.findElement(By.id("test-connection")).click();

        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("connection-result")));
        assertThat(result.getText()).isEqualTo("The connection works.");
        assertThat(browser.getCurrentUrl()).isEqualTo(formUrl);
        assertThat(browser.findElement(By.id("label")).getAttribute("value")).isEqualTo("An edit not saved yet");
        assertThat(browser.findElement(By.id("step-discovery")).getText()).contains("ok");

        browser.findElement(By.id("nav-home")).click();
        assertThat(browser.findElement(By.cssSelector("#account-state-" + account + " .last-test")).getText())
                .contains("works");
    }

    @Test
    void loginDecisionsWhenMoreThanAPageThenCountAndPagingKeepTheFilter() {
        String account = "paging_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (int i = 0; i < 55; i++) {
            decisions.recordFailure(account, "the provider did not answer (" + i + ")");
        }
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/login-decisions?account=" + account));

        assertThat(browser.findElement(By.className("page-count")).getText()).isEqualTo("1–50 of 55");
        assertThat(browser.findElements(By.cssSelector("#decisions tbody"))).hasSize(50);
        assertThat(browser.findElement(By.cssSelector("#decisions .outcome")).getText()).isEqualTo("Failed");
        browser.findElement(By.className("page-next")).click();

        assertThat(browser.findElement(By.className("page-count")).getText()).isEqualTo("51–55 of 55");
        assertThat(browser.findElements(By.cssSelector("#decisions tbody"))).hasSize(5);
        assertThat(browser.findElement(By.id("account")).getAttribute("value")).isEqualTo(account);
    }

    @Test
    void timesShowInTheBrowsersZoneWithTheUtcValueOnHoverToTheSecond() {
        String account = "times_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        decisions.recordFailure(account, "for the time");
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/login-decisions?account=" + account));

        WebElement time = browser.findElement(By.cssSelector("#decisions time"));
        assertThat(time.getAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(time.getAttribute("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(time.getAttribute("data-local")).isEqualTo("true");
        assertThat(time.getText()).isNotEqualTo(time.getAttribute("title"));
    }

    @Test
    void newAccountFormWhenTypeChangesThenShowsOnlyThatTypesFieldsAndStartsWithoutAnExistingName() {
        api.installImsPackage();
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/accounts/new"));

        assertThat(browser.findElement(By.id("internalName")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("groupsClaim")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("directoryServer")).isDisplayed()).isTrue();

        new Select(browser.findElement(By.id("type"))).selectByValue("oidc");

        assertThat(browser.findElement(By.id("groupsClaim")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("audience")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("directoryServer")).isDisplayed()).isFalse();
    }

    @Test
    void accountFormWhenFieldIsWrongThenErrorIsRedTiedToTheFieldAndNamedInWords() {
        api.installImsPackage();
        Chromium.signInAsAdmin(browser, port);
        browser.get(url("/admin/accounts/new"));
        browser.findElement(By.id("internalName")).sendKeys("bad_" + UUID.randomUUID().toString().substring(0, 8));

        // Enter in a field saves (the form's default button), it does not preview the mask.
        browser.findElement(By.id("imsServer")).sendKeys("ftp://ims.example.com", Keys.ENTER);

        WebElement field = browser.findElement(By.id("imsServer"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("imsServer-error");
        WebElement error = browser.findElement(By.id("imsServer-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getCssValue("color")).isEqualTo("rgba(220, 53, 69, 1)");
        assertThat(browser.findElement(By.cssSelector(".errors a[href='#imsServer']")).getText())
                .isEqualTo("IMS server");
    }

    @Test
    void layoutAt800PixelsAndPhoneWidthHasNoSidewaysScrollAndMarksTheCurrentPage() {
        Chromium.signInAsAdmin(browser, port);
        for (int width : new int[] { 800, 375 }) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : List.of("/", "/admin/accounts", "/admin/operators", "/admin/groups",
                    "/admin/login-decisions", "/admin/directory-sync", "/admin/packages", "/admin/audit",
                    "/admin/operators/admin", "/admin/accounts/new")) {
                browser.get(url(page));
                assertThat(scrollsSideways()).as(page + " at " + width + " px: " + widest()).isFalse();
            }
        }
        browser.manage().window().setSize(new Dimension(800, 900));
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("nav-operators")).isDisplayed()).isFalse();
        browser.findElement(By.className("navbar-toggler")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("nav-operators"))).click();

        assertThat(browser.getTitle()).isEqualTo("Operators — IMS Connect");
        assertThat(browser.findElement(By.id("nav-operators")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.id("nav-groups")).getAttribute("aria-current")).isNull();
        browser.findElement(By.linkText("admin")).click();
        assertThat(browser.getTitle()).isEqualTo("Operator admin — IMS Connect");
        browser.findElement(By.cssSelector(".breadcrumb a[href='/admin/operators']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/operators");
    }

    @Test
    void keyboardOnlyWhenSkippingToTheContentAndDeletingAGroupThenEveryStepIsReachableAndVisible() {
        String group = "keys" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        assertThat(api.post("/api/v1/security-groups",
                "{\"internalName\":\"" + group + "\",\"label\":\"Keys\",\"rights\":[]}").status()).isEqualTo(201);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(Api.ADMIN, Keys.TAB, Api.ADMIN_PASSWORD, Keys.ENTER);
        browser.findElement(By.id("me-name"));
        browser.get(url("/admin/groups/" + group));

        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to the content");
        assertThat(skip.isDisplayed()).isTrue();
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

        tabTo("delete-group").sendKeys(Keys.ENTER);
        WebElement confirm = tabTo("confirm");
        assertThat(confirm.getCssValue("outline-style")).isNotEqualTo("none");
        confirm.sendKeys(Keys.ENTER);

        assertThat(browser.findElement(By.className("flash")).getText()).contains("deleted");
        assertThat(api.get("/api/v1/security-groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void iconsWhenDrawnThenComeFromTheInstanceAsTheContentSecurityPolicyAllowsNotFromDataUris() {
        api.installImsPackage();
        Chromium.signInAsAdmin(browser, port);
        browser.manage().window().setSize(new Dimension(800, 900));
        browser.get(url("/admin/accounts/new"));
        browser.findElement(By.id("enabled")).click();

        // The file name may carry a content hash (Spring's resource chain): /assets/css/icons/select-<hash>.svg.
        assertThat(backgroundOf("#type")).containsPattern("/assets/css/icons/select(-[0-9a-f]+)?\\.svg");
        assertThat(backgroundOf("#enabled")).containsPattern("/assets/css/icons/check(-[0-9a-f]+)?\\.svg");
        assertThat(backgroundOf(".navbar-toggler-icon"))
                .containsPattern("/assets/css/icons/toggler(-[0-9a-f]+)?\\.svg");
        for (String icon : List.of("select", "check", "toggler", "invalid")) {
            Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/assets/css/icons/" + icon + ".svg')"
                    + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))");
            assertThat(status.toString()).as(icon).startsWith("200 image/svg+xml");
        }
    }

    private String backgroundOf(String selector) {
        return (String) browser.executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).backgroundImage", selector);
    }

    /** Presses Tab until the element with {@code id} has the focus (at most 80 times), as a keyboard user would. */
    private WebElement tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
    }

    /** The elements that reach past the window's right edge, for the failure message. */
    private Object widest() {
        return ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '
                        + Math.round(e.getBoundingClientRect().right)).join(', ') + ' (window '
                    + window.innerWidth + ')';""");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
