package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.renda.support.BrowserSession;
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

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    private int publicReceptionCount(String code) {
        b.go("/public/deputies/" + code);
        var cells = b.driver().findElements(By.cssSelector("[data-duty-type=RECEPTION] .count"));
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

        b = new BrowserSession(port).signIn("deputy.li", true);
        WebDriver browser = b.driver();
        int before = publicReceptionCount(code);
        b.go("/");
        b.click(browser.findElement(By.cssSelector("#my-duties a.btn-danger")));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("duty-type")));
        new Select(browser.findElement(By.id("duty-type"))).selectByVisibleText("接待选民");
        browser.findElement(By.id("duty-title")).sendKeys(title);
        browser.findElement(By.id("duty-place")).sendKeys("安澜镇人大代表联络站");
        browser.findElement(By.id("duty-files")).sendKeys(photo.toAbsolutePath().toString());
        b.screenshot("duty-entry-phone");
        b.click(browser.findElement(By.id("duty-submit")));
        assertThat(b.success("已提交，等待人大办审核")).isEqualTo("已提交，等待人大办审核");
        assertThat(browser.findElements(By.cssSelector("img.evidence-thumb"))).hasSize(1);
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("duty-submitted-phone");
        assertThat(publicReceptionCount(code)).as("not counted before review").isEqualTo(before);

        browser = b.signIn("anlan.staff", false).driver();
        b.go("/duties/review");
        var item = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'review-item')][.//a[contains(., '" + title + "')]]")));
        b.screenshot("duty-review");
        b.click(item.findElement(By.cssSelector("button.btn-success")));
        b.success("已审核通过");

        assertThat(publicReceptionCount(code)).isEqualTo(before + 1);
        b.screenshot("public-profile");

        // The clerk's own views of the same deputy, kept as screenshots for a person to look at.
        long id = jdbc.sql("select id from deputy where public_code = ?").param(code).query(Long.class).single();
        b.go("/deputies?level=TOWN&term=18");
        assertThat(browser.findElement(By.id("deputy-rows")).getText()).contains("李春华");
        b.screenshot("deputy-list");
        b.go("/deputies/" + id);
        b.screenshot("deputy-detail");
        b.go("/deputies/" + id + "/archive");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(title);
        b.screenshot("deputy-archive");
    }
}
