package org.renda.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser test's window on the running application: open a phone or desktop window, sign in as a demo user,
 * click as a thumb would (scrolled into the middle, instantly: Bootstrap's smooth scrolling would otherwise
 * move the target under the pointer). Close it in {@code @AfterEach}.
 */
public final class BrowserSession implements AutoCloseable {

    private final int port;
    private final Duration timeout;
    private WebDriver driver;
    private WebDriverWait wait;

    /** Waits ({@link #waiting()}, {@link #success}, signing in) give up after 10 seconds. */
    public BrowserSession(int port) {
        this(port, Duration.ofSeconds(10));
    }

    /** Waits give up after {@code timeout}: for pages that are slow to answer, such as a long form or a vote. */
    public BrowserSession(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new window (the previous one is closed), signed in as nobody. */
    public BrowserSession open(boolean phone) {
        close();
        driver = Browser.open(phone);
        wait = new WebDriverWait(driver, timeout);
        return this;
    }

    /** A new window signed in as a demo user (password renda-demo), on the home page. */
    public BrowserSession signIn(String user, boolean phone) {
        open(phone);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("renda-demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void go(String path) {
        driver.get(url(path));
    }

    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** Waits for the flash message of a form and answers its text. */
    public String success(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), expected));
        return driver.findElement(By.cssSelector(".alert-success")).getText();
    }

    /** How far the page scrolls sideways (0 on a page that fits a phone). */
    public long overflow() {
        return (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    /**
     * What the browser's console reported since the last call that the Content-Security-Policy refused (an inline
     * script or handler, a script or style from elsewhere): empty on a page that works under the policy.
     */
    public java.util.List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    public void screenshot(String name) {
        Browser.screenshot(driver, name);
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
