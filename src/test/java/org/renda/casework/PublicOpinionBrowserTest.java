package org.renda.casework;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A villager on a cheap phone, not signed in, reports a broken road with a photo, gets a receipt code and
 * follows it on the tracking page.
 */
@RendaIntegrationTest
@Tag("browser")
class PublicOpinionBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aCitizenSubmitsOnAPhoneWithAPhotoAndTracksTheCase() throws Exception {
        Path photo = Files.createTempFile("pothole", ".png");
        BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 80, 60);
        g.dispose();
        ImageIO.write(img, "png", photo.toFile());
        String title = "村道坑洼积水 " + System.nanoTime() % 100_000;

        b = new BrowserSession(port, Duration.ofSeconds(15)).open(true);
        WebDriver browser = b.driver();
        WebDriverWait wait = b.waiting();
        b.go("/public/opinions/new");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("op-org")));
        assertThat(browser.getCurrentUrl()).as("no sign-in").isEqualTo(b.url("/public/opinions/new"));

        // Anonymous hides the contact fields; this citizen leaves a name and phone after all.
        WebElement anonymous = browser.findElement(By.id("op-anonymous"));
        b.click(anonymous);
        assertThat(browser.findElement(By.id("op-contact")).isDisplayed()).isFalse();
        b.click(anonymous);
        assertThat(browser.findElement(By.id("op-contact")).isDisplayed()).isTrue();

        new Select(browser.findElement(By.id("op-org"))).selectByVisibleText("安澜镇");
        new Select(browser.findElement(By.id("op-category"))).selectByVisibleText("交通出行");
        browser.findElement(By.id("op-title")).sendKeys(title);
        browser.findElement(By.id("op-content")).sendKeys("西岭村到镇上的村道有一段坑洼积水，<雨天>电动车经常滑倒。");
        browser.findElement(By.id("op-location")).sendKeys("西岭村村口往东 200 米");
        browser.findElement(By.id("op-name")).sendKeys("刘大姐");
        browser.findElement(By.id("op-phone")).sendKeys("13700002222");
        browser.findElement(By.id("op-photos")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("op-photo-names"), photo.getFileName().toString()));
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("public-opinion-form-phone");
        b.click(browser.findElement(By.id("op-submit")));

        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code")));
        String receipt = code.getText().strip();
        assertThat(receipt).matches("[2-9A-HJ-NP-Z]{10}");
        assertThat(browser.findElement(By.id("copy-code")).getText()).isEqualTo("复制查询码");
        assertThat(browser.findElement(By.id("track-link")).getText()).endsWith("/public/opinions/track/" + receipt);
        assertThat(b.overflow()).isLessThanOrEqualTo(0L);
        b.screenshot("public-opinion-receipt-phone");
        assertThat(jdbc.sql("""
                select c.submitter_name || ' ' || c.submitter_phone || ' ' || count(a.id)
                from case_item c left join case_attachment a on a.case_id = c.id
                where c.receipt_code = ? group by c.submitter_name, c.submitter_phone""")
                .param(receipt).query(String.class).single()).isEqualTo("刘大姐 13700002222 1");

        b.click(browser.findElement(By.id("track-button")));
        WebElement state = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("track-state")));
        assertThat(state.getText()).isEqualTo("已受理");
        assertThat(browser.findElement(By.id("track-code-shown")).getText()).isEqualTo(receipt);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains(title, "安澜镇", "交通出行", "受理登记").doesNotContain("刘大姐", "13700002222", "坑洼积水，");
        assertThat(b.overflow()).isLessThanOrEqualTo(0L);
        b.screenshot("public-opinion-track-phone");

        // Later, from the tracking form with the code typed in lower case.
        b.go("/public/opinions/track");
        browser.findElement(By.id("track-code")).sendKeys(receipt.toLowerCase());
        b.click(browser.findElement(By.id("track-submit")));
        wait.until(ExpectedConditions.urlToBe(b.url("/public/opinions/track/" + receipt)));
        assertThat(browser.findElement(By.id("track-state")).getText()).isEqualTo("已受理");
    }
}
