package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} and {@code chromium-driver}
 * packages, a fresh profile per browser, viewports set through the DevTools protocol so that a
 * phone width is a true phone viewport, full-page screenshots, and axe-core run inside the page.
 */
public final class Browser implements AutoCloseable {

    public static final int DESKTOP = 1280;
    public static final int PHONE = 390;

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    public final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private int width = DESKTOP;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        if (System.getProperty("webdriver.chrome.driver") == null) {
            Path driverBinary = Path.of("/usr/bin/chromedriver");
            if (!Files.isExecutable(driverBinary)) {
                throw new IllegalStateException("No chromedriver: install the Debian packages chromium and"
                        + " chromium-driver, or set -Dwebdriver.chrome.driver and -Daftercart.chromium");
            }
            System.setProperty("webdriver.chrome.driver", driverBinary.toString());
        }
        try {
            this.profile = Files.createTempDirectory("aftercart-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("aftercart.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        this.driver = new ChromeDriver(options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        viewport(DESKTOP, 900);
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits up to ten seconds for the condition. While a page is being replaced, an element found in
     * the old document can vanish between being found and being read; Chromium reports that either
     * as a stale element or as an inspector error about a node outside the document, and both only
     * mean "not yet", so the condition is asked again.
     */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    try {
                        return condition.apply(driver);
                    } catch (WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /** Sets the page width (and mobile emulation below 600 px), like a window of that size. */
    public void width(int width) {
        this.width = width;
        viewport(width, width < 600 ? 844 : 900);
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Errors the pages logged since the last call, such as a script or style the CSP blocked. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Whether the page is wider than the viewport, i.e. the whole page scrolls sideways. */
    public boolean overflowsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    /** Saves the whole page, not only what fits the viewport, as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        long height =
                (Long) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        viewport(width, (int) Math.min(Math.max(height, 600), 6000));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            width(width);
        }
    }

    /** Runs axe-core in the current page and returns its violations as "impact rule: nodes". */
    public List<Violation> accessibilityViolations() {
        if (script("return typeof window.axe") instanceof String type && !type.equals("object")) {
            script(axeSource());
        }
        String json = (String)
                driver.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(result => done(JSON.stringify(result.violations)))
                   .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical',
                        help: String(error), nodes: []}])));
                """);
        List<Violation> violations = new ArrayList<>();
        for (JsonNode violation : JsonMapper.builder().build().readTree(json)) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : violation.get("nodes")) {
                targets.add(node.get("target").toString() + " "
                        + node.path("failureSummary").asString(""));
            }
            violations.add(new Violation(
                    violation.get("id").asString(),
                    violation.path("impact").asString("unknown"),
                    violation.get("help").asString(),
                    targets));
        }
        return violations;
    }

    public record Violation(String rule, String impact, String help, List<String> nodes) {

        public boolean seriousOrWorse() {
            return impact.equals("serious") || impact.equals("critical");
        }

        @Override
        public String toString() {
            return impact + " " + rule + ": " + help + " " + nodes;
        }
    }

    /**
     * Signs a staff member in through the login form and waits for the page sign-in leads to: the
     * role's start page ({@code /console/customers} for an agent, {@code /console/store-returns} for a
     * store associate, {@code /console/dashboard} for an analyst, {@code /console/operations} for an
     * admin) or the console page the browser was sent away from.
     */
    public void signIn(String email, String password, String expectedPage) {
        open("/login");
        find("#username").sendKeys(email);
        find("#password").sendKeys(password);
        clickButton("Sign in");
        try {
            waitUntil(driver -> path().startsWith(expectedPage));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Signing in led to " + path() + ", not " + expectedPage, e);
        }
    }

    /** Opens a settings page as an admin would: the header's Settings entry, then the page's link. */
    public void openSettings(String page) {
        driver.findElement(By.cssSelector("header nav"))
                .findElement(By.linkText("Settings"))
                .click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Settings"));
        driver.findElement(By.cssSelector("main"))
                .findElement(By.linkText(page))
                .click();
    }

    /** Clicks the button with this label in the page's main content. */
    public void clickButton(String label) {
        driver.findElement(By.xpath("//main//button[normalize-space()='" + label + "']"))
                .click();
    }

    /** Fails on any error in the browser console, and on serious or critical axe-core findings. */
    public void assertNoSeriousAccessibilityProblems(String page) {
        assertNoSeriousAccessibilityProblems(page, error -> false);
    }

    /** As above, but console errors that {@code expected} accepts belong to what the page shows. */
    public void assertNoSeriousAccessibilityProblems(String page, Predicate<String> expected) {
        assertThat(consoleErrors())
                .filteredOn(error -> !expected.test(error))
                .as("errors in the browser console on the %s page", page)
                .isEmpty();
        List<Violation> violations = accessibilityViolations();
        violations.forEach(violation -> System.out.println("axe on " + page + ": " + violation));
        assertThat(violations)
                .filteredOn(Violation::seriousOrWorse)
                .as("serious or critical accessibility problems on the %s page", page)
                .isEmpty();
    }

    private void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a left-over temporary profile is harmless
            }
        }
    }
}
