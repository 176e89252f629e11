package ru.tsur.pulse.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium} with its {@code chromedriver}) for browser tests of
 * the wall. The driver and browser paths are given explicitly, so Selenium Manager never runs and nothing
 * downloads; override them with {@code -Dpulse.test.chromium=…} and {@code -Dpulse.test.chromedriver=…}.
 * Each browser gets a fresh profile directory, removed on close.
 */
public final class WallBrowser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("pulse.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("pulse.test.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private WallBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium with a viewport of exactly {@code width}×{@code height} CSS pixels. */
    public static WallBrowser start(int width, int height) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver; scripts/browser.sh does it)");
        }
        Path profile = Files.createTempDirectory("pulse-wall-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=ru-RU",
                // gc() and exact heap sizes, for the bounded-memory test
                "--js-flags=--expose-gc", "--enable-precise-memory-info",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        WallBrowser browser = new WallBrowser(driver, profile);
        browser.viewport(width, height);
        return browser;
    }

    /** Sets the page's viewport (CSS pixels, scale 1) regardless of the window's decorations. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Opens the page as the kiosk user {@code wall}, logging in on the identity provider's page when it asks. */
    public void open(String url) {
        open(url, "wall");
    }

    /**
     * Opens the page; when the identity provider's login page comes instead (no session yet), logs in as the
     * user with the demo password (user name + "-demo"), as a person at the keyboard would.
     */
    public void open(String url, String user) {
        driver.get(url);
        if (driver.getCurrentUrl().contains("/protocol/openid-connect/auth")) {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> !driver.findElements(By.id("username")).isEmpty());
            driver.findElement(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(user + "-demo");
            driver.findElement(By.id("kc-login")).click();
            // The service then redirects from its callback (…?state=…&code=…) to the page asked for, query included.
            new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("the login did not lead back to " + url)
                    .until(ignored -> !driver.getCurrentUrl().contains("/protocol/openid-connect/")
                            && !driver.getCurrentUrl().contains("code="));
            // Logged in: load the page once more, so the test starts from a page that has never seen the login
            // (a kiosk lands on the same URL after the service's redirect; a test must not depend on its timing).
            driver.get(url);
        }
    }

    /** Runs a script in the page ({@code return …} to get a value back). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Runs an asynchronous script in the page: it gets the arguments, then a callback as its last argument,
     * and its answer is what it passes to the callback.
     */
    public Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    public long number(String expression) {
        Object value = script("return " + expression + ";");
        return value == null ? Long.MIN_VALUE : ((Number) value).longValue();
    }

    public String text(String expression) {
        Object value = script("return " + expression + ";");
        return value == null ? null : value.toString();
    }

    /** Waits until the expression is truthy in the page; fails with the description after the timeout. */
    public void awaitTrue(String expression, Duration timeout, String description) {
        await(browser -> Boolean.TRUE.equals(browser.script("return !!(" + expression + ");")), timeout, description);
    }

    public void await(Function<WallBrowser, Boolean> condition, Duration timeout, String description) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(description)
                .until(ignored -> condition.apply(this));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Writes a PNG screenshot of the viewport. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
