package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renda.support.Browser;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rural deputy on a cheap phone records a reception with a photo; the town clerk verifies it; the
 * deputy's public page (the one the nameplate's QR code opens) counts it.
 */
@RendaIntegrationTest
@Tag("browser")
class DeputyDutyBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait signIn(String user, boolean phone) {
        if (browser != null) {
            browser.quit();
        }
        browser = Browser.open(phone);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("renda-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        return wait;
    }

    /** Scrolls the control to the middle of the screen first, as a thumb would. */
    private void click(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private int publicReceptionCount(String code) {
        browser.get(url("/public/deputies/" + code));
        var cells = browser.findElements(By.cssSelector("[data-duty-type=RECEPTION] .count"));
        return cells.isEmpty() ? 0 : Integer.parseInt(cells.get(0).getText().replaceAll("\\D", ""));
    }

    @Test
    void aDeputyRecordsAReceptionWithAPhotoStaffVerifyItAndThePublicPageCountsIt() throws Exception {
        String code = jdbc.sql("select d.public_code from deputy d join app_user u on u.id = d.user_id"
                + " where u.username = 'deputy.li'").query(String.class).single();
        Path photo = Files.createTempFile("reception", ".png");
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ImageIO.write(img, "png", photo.toFile());
        String title = "在联络站接待选民 " + System.nanoTime() % 10_000;

        WebDriverWait wait = signIn("deputy.li", true);
        int before = publicReceptionCount(code);
        browser.get(url("/"));
        click(browser.findElement(By.cssSelector("#my-duties a.btn-danger")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duty-type")));
        new Select(browser.findElement(By.id("duty-type"))).selectByVisibleText("接待选民");
        browser.findElement(By.id("duty-title")).sendKeys(title);
        browser.findElement(By.id("duty-place")).sendKeys("安澜镇人大代表联络站");
        browser.findElement(By.id("duty-files")).sendKeys(photo.toAbsolutePath().toString());
        Browser.screenshot(browser, "duty-entry-phone");
        click(browser.findElement(By.id("duty-submit")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已提交，等待人大办审核");
        assertThat(browser.findElements(By.cssSelector("img.evidence-thumb"))).hasSize(1);
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(browser, "duty-submitted-phone");
        assertThat(publicReceptionCount(code)).as("not counted before review").isEqualTo(before);

        wait = signIn("anlan.staff", false);
        browser.get(url("/duties/review"));
        var item = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'review-item')][.//a[contains(., '" + title + "')]]")));
        Browser.screenshot(browser, "duty-review");
        click(item.findElement(By.cssSelector("button.btn-success")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已审核通过"));

        assertThat(publicReceptionCount(code)).isEqualTo(before + 1);
        Browser.screenshot(browser, "public-profile");

        // The clerk's own views of the same deputy, kept as screenshots for a person to look at.
        long id = jdbc.sql("select id from deputy where public_code = ?").param(code).query(Long.class).single();
        browser.get(url("/deputies?level=TOWN&term=18"));
        assertThat(browser.findElement(By.id("deputy-rows")).getText()).contains("李春华");
        Browser.screenshot(browser, "deputy-list");
        browser.get(url("/deputies/" + id));
        Browser.screenshot(browser, "deputy-detail");
        browser.get(url("/deputies/" + id + "/archive"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(title);
        Browser.screenshot(browser, "deputy-archive");
    }
}
