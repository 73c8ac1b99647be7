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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway's Swagger UI in headless Chromium: a demo user logs in on Keycloak's own login page (authorization
 * code with PKCE, in the popup Swagger UI opens) and calls an API through the gateway, whose answer shows a Chinese
 * school name in glyphs of a font that has them (not as boxes). Runs wherever Chromium and its chromedriver are
 * installed (CI installs Debian's, and a CJK font); both are found at fixed paths, nothing is downloaded.
 */
@ExtendWith(SharedStack.class)
class SwaggerUiLoginIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("xietong.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("xietong.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "swagger-ui");
    private static final String OPERATION = "/api/v1/pairing/schools";
    /** Registered before the browser starts; its code sorts first in Chaoyang, so the first page of schools shows it. */
    private static final String SCHOOL_CODE = "0110105001";
    private static final String SCHOOL_NAME = "朝阳区劲松第一小学";

    /**
     * Draws each character of {@code arguments[1]} on a canvas in the font of the element that shows it (within
     * {@code arguments[0]}) and compares it with an unassigned code point, which every font draws as its
     * missing-glyph box: a character without a glyph draws exactly that box (or nothing). Boxes also look alike, so
     * distinct characters must draw distinct images. Font-name independent, unlike document.fonts.check, which
     * answers true for any font that is not a web font.
     */
    private static final String GLYPH_CHECK = """
            const [root, text] = arguments;
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let holder = null;
            while (!holder && walker.nextNode()) {
              if (walker.currentNode.data.includes(text)) holder = walker.currentNode.parentElement;
            }
            if (!holder) return {found: false};
            const font = getComputedStyle(holder).fontFamily;
            const canvas = document.createElement('canvas');
            canvas.width = 48;
            canvas.height = 48;
            const context = canvas.getContext('2d', {willReadFrequently: true});
            context.font = '32px ' + font;
            context.textBaseline = 'top';
            const draw = c => {
              context.clearRect(0, 0, 48, 48);
              context.fillText(c, 4, 4);
              return Array.from(context.getImageData(0, 0, 48, 48).data).join(',');
            };
            const box = draw('\\u0378');
            const blank = draw('');
            const images = new Map([...new Set(text)].map(c => [c, draw(c)]));
            return {found: true, font: font,
              boxes: [...images].filter(([, image]) => image === box || image === blank).map(([c]) => c).join(''),
              distinct: new Set(images.values()).size, characters: images.size};
            """;

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
    void aDemoUserLogsInThroughKeycloakAndCallsTheApiFromSwaggerUi(SharedStack.Suite suite)
            throws IOException, InterruptedException {
        registerChineseSchool(suite);
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
            assertTrue(body.contains(SCHOOL_NAME), "the page of schools shows " + SCHOOL_NAME + ": " + body);
            assertRendersInAFontWithItsGlyphs(browser, operation, SCHOOL_NAME);
            screenshot("pairing-schools-200.png");
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure.png");
            throw e;
        }
    }

    /** The school the page must show in Chinese; already there (409) when the test runs again on the same stack. */
    private static void registerChineseSchool(SharedStack.Suite suite) throws IOException, InterruptedException {
        String token = suite.tokens().passwordGrant("edu-chaoyang", "edu-chaoyang");
        HttpRequest register = HttpRequest.newBuilder(URI.create(suite.gateway() + OPERATION))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + SCHOOL_CODE + "\",\"name\":\"" + SCHOOL_NAME
                        + "\",\"regionCode\":\"110105\",\"locationType\":\"URBAN\",\"level\":\"PRIMARY\"}"))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(register, HttpResponse.BodyHandlers.ofString());
        assertTrue(List.of(201, 409).contains(answer.statusCode()), "registering " + SCHOOL_NAME + ": "
                + answer.statusCode() + " " + answer.body());
    }

    /** {@code text}, shown within {@code root}, is drawn in glyphs of its own, not as missing-glyph boxes. */
    private static void assertRendersInAFontWithItsGlyphs(JavascriptExecutor page, WebElement root, String text) {
        Map<?, ?> drawn = (Map<?, ?>) page.executeScript(GLYPH_CHECK, root, text);
        assertEquals(Boolean.TRUE, drawn.get("found"), text + " is shown as text in the page");
        assertEquals("", drawn.get("boxes"), "characters of " + text + " drawn as missing-glyph boxes in "
                + drawn.get("font") + " (no CJK font installed? Debian: apt-get install fonts-noto-cjk)");
        assertEquals(drawn.get("characters"), drawn.get("distinct"),
                "the distinct characters of " + text + " draw distinct glyphs in " + drawn.get("font"));
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
