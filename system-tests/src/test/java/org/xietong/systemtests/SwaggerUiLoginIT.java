package org.xietong.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway's Swagger UI in headless Chromium: a demo user logs in on Keycloak's own login page (authorization
 * code with PKCE, in the popup Swagger UI opens) and calls an API through the gateway. Runs wherever Chromium and
 * its chromedriver are installed (CI installs Debian's); both are found at fixed paths, nothing is downloaded.
 */
@ExtendWith(SharedStack.class)
class SwaggerUiLoginIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("xietong.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("xietong.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "swagger-ui");
    private static final String OPERATION = "/api/v1/pairing/schools";

    private static ChromeDriver browser;

    @BeforeEach
    void needsChromium() {
        // Checked before the test's parameter asks for the shared stack: without Chromium nothing starts for it.
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Swagger UI test skipped: needs Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                        + " (Debian: apt-get install chromium chromium-driver; other paths: -Dxietong.chromium, "
                        + "-Dxietong.chromedriver)");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDemoUserLogsInThroughKeycloakAndCallsTheApiFromSwaggerUi(SharedStack.Suite suite) throws IOException {
        browser = startChromium();
        try {
            browser.get(suite.gateway() + "/q/swagger-ui/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            logIn(wait, "edu-chaoyang", "edu-chaoyang");

            WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//div[contains(@class,'opblock-get')][.//*[@data-path='" + OPERATION + "']]")));
            click(operation.findElement(By.cssSelector(".opblock-summary-control, .opblock-summary")));
            click(wait.until(d -> operation.findElement(By.cssSelector("button.try-out__btn"))));
            click(wait.until(d -> operation.findElement(By.cssSelector("button.execute"))));

            WebElement status = wait.until(d -> operation.findElement(
                    By.cssSelector(".live-responses-table .response .response-col_status")));
            scrollTo(status);
            assertEquals("200", status.getText().trim());
            String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
            assertTrue(curl.contains("Authorization: Bearer "), "the call carried the Keycloak token: " + curl);
            String body = operation.findElement(By.cssSelector(".live-responses-table .response .response-col_description"))
                    .getText();
            assertTrue(body.contains("\"items\""), "a page of schools: " + body);
            screenshot("pairing-schools-200.png");
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure.png");
            throw e;
        }
    }

    private static ChromeDriver startChromium() {
        // Selenium must not look for (or download) a driver or a browser: both are given.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // No sandbox: CI runs as root, where Chromium refuses to start with one.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1400", "--lang=en-US");
        return new ChromeDriver(service, options);
    }

    /** Authorize → keycloak → Keycloak's login page in Swagger UI's popup → back with a token. */
    private static void logIn(WebDriverWait wait, String username, String password) {
        String swaggerUi = browser.getWindowHandle();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper button.authorize"))));
        WebElement keycloak = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(normalize-space(.),'keycloak')]]")));
        click(keycloak.findElement(By.cssSelector("button.authorize")));

        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(swaggerUi)).findFirst().orElseThrow();
        browser.switchTo().window(popup);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();

        // The popup lands on oauth2-redirect.html, hands the code to Swagger UI and closes itself.
        wait.until(ExpectedConditions.numberOfWindowsToBe(1));
        browser.switchTo().window(swaggerUi);
        wait.until(d -> keycloak.findElements(By.xpath(".//button[normalize-space(.)='Logout']")).size() == 1);
        click(browser.findElement(By.cssSelector(".dialog-ux button.close-modal")));
    }

    private static void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static void screenshot(String name) throws IOException {
        if (browser == null) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Swagger UI screenshot: " + file.toAbsolutePath());
    }
}
