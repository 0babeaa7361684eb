package cn.ecozone.testsupport;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with a fresh profile. Fails (never skips) when
 * either is missing: {@code .ci/test} installs them ({@code apt-get install chromium chromium-driver}).
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private final ChromeDriver driver;
    private final Path profile;

    public HeadlessChromium(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("需要 Chromium 与 chromedriver / Chromium and chromedriver are required: "
                    + BROWSER + ", " + DRIVER + " (apt-get install chromium chromium-driver)");
        }
        try {
            profile = Files.createTempDirectory("ecozone-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Console messages at SEVERE (errors, failed loads, uncaught exceptions) since the last call. */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /** Saves a PNG of the window under the build folder's {@code screenshots/}; returns its path. */
    public Path screenshot(String name) {
        try {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path dir = Files.createDirectories(buildDir().resolve("screenshots"));
            Path out = dir.resolve(name + ".png");
            Files.copy(png.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Maven build folder (target/ or -DbuildDir): the parent of test-classes. */
    static Path buildDir() {
        try {
            return Path.of(HeadlessChromium.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
