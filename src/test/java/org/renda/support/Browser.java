package org.renda.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (installed by .ci/run;
 * `apt-get install chromium chromium-driver` on a workstation; else found on the PATH). Without them the browser
 * tests are skipped with a loud warning, except in CI (CI=true), where they fail: see {@link BrowserAvailability}.
 */
public final class Browser {

    public static final String CHROMIUM = program("renda.test.chromium", "/usr/bin/chromium", "chromium",
            "chromium-browser");
    public static final String DRIVER = program("renda.test.chromedriver", "/usr/bin/chromedriver", "chromedriver");

    private Browser() {}

    /** The program a property names, else Debian's, else the first of these names on the PATH, else Debian's. */
    static String program(String property, String debian, String... names) {
        String named = System.getProperty(property);
        if (named != null && !named.isBlank()) {
            return named;
        }
        if (new File(debian).canExecute()) {
            return debian;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                File candidate = new File(dir, name);
                if (!dir.isEmpty() && candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        return debian;
    }

    /** A phone-sized (390×844) or desktop window. */
    public static WebDriver open(boolean phone) {
        BrowserAvailability.require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN");
        // The console is kept, so a test can find what the Content-Security-Policy refused (BrowserSession).
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        if (phone) {
            // A phone's viewport exactly (a resized desktop window keeps desktop chrome around the page).
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", 390, "height", 844, "pixelRatio", 2.0),
                    "userAgent", "Mozilla/5.0 (Linux; Android 12; Redmi 10A) AppleWebKit/537.36 "
                            + "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(phone ? new Dimension(420, 1000) : new Dimension(1280, 900));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Keeps a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
