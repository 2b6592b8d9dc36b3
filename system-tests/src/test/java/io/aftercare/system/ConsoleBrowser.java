package io.aftercare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console's pages: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromedriver (both from the distribution, so nothing is downloaded at test time). One per test class; a fresh
 * profile each time, and {@link #forget()} between people, so that each signs in on a clean browser.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriver driver, String baseUrl, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    static ConsoleBrowser start(String baseUrl, Path logDirectory, Path screenshots) throws IOException {
        for (Path tool : new Path[]{DRIVER, HeadlessChromium.BINARY}) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: .ci/run installs Debian's chromium and"
                        + " chromium-driver");
            }
        }
        Files.createDirectories(logDirectory);
        Files.createDirectories(screenshots);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logDirectory.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(HeadlessChromium.BINARY.toFile());
        // As the ops page's test runs it: no sandbox (a container), nothing fetched from the network on its own.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium-console-"),
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new ConsoleBrowser(driver, baseUrl, screenshots);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the console ({@code /users}) or any full URL (a one-time link). */
    void open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks a form's submit button and waits for the answer's page to replace this one, so that the next step does
     * not cut the post short.
     */
    void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(d -> replaced(page));
    }

    /**
     * Whether the element's document is gone. Selenium's {@code stalenessOf} knows only its own stale-element error;
     * Chromium 156 sometimes answers a look at an element of a just-replaced document with the inspector's "Node with
     * given id does not belong to the document" instead, which means the same.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    void signIn(String email, String password) {
        open("/sign-in");
        type("email", email);
        type("password", password);
        submit(By.cssSelector("main form button[type=submit]"));
    }

    /** The session cookie this browser holds, for a request made around the pages (a forged form, a direct GET). */
    String sessionCookie() {
        Cookie cookie = driver.manage().getCookieNamed("__Host-aftercare-session");
        return cookie == null ? null : cookie.getValue();
    }

    /** Signs nobody out on the server: the browser just forgets its cookies, as a new browser would. */
    void forget() {
        driver.manage().deleteAllCookies();
    }

    /** Waits, polling every 100 ms, until the page's text shows what is expected. */
    void awaitText(String expected, Duration atMost) {
        new WebDriverWait(driver, atMost, Duration.ofMillis(100)).until(d -> text().contains(expected));
    }

    /**
     * The page as it is now, at a desktop's and a phone's width, as {@code name-desktop.png} and {@code -phone.png}.
     *
     * @return the widths at which the page is wider than the window (a phone would scroll sideways): none, if all is
     *     well
     */
    java.util.List<Integer> screenshots(String name) throws IOException {
        java.util.List<Integer> overflowing = new java.util.ArrayList<>();
        for (Dimension size : new Dimension[]{DESKTOP, PHONE}) {
            driver.manage().window().setSize(size);
            String suffix = size == DESKTOP ? "desktop" : "phone";
            Files.write(screenshots.resolve(name + "-" + suffix + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Object fits = driver.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
            if (!Boolean.TRUE.equals(fits)) {
                overflowing.add(size.width);
            }
        }
        driver.manage().window().setSize(DESKTOP);
        return overflowing;
    }

    Path screenshot(String name, String suffix) {
        return screenshots.resolve(name + "-" + suffix + ".png");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
