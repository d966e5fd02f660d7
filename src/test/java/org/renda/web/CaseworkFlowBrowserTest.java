package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renda.support.Browser;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An opinion from submission to closure in real browsers: a citizen submits on a phone, the town clerk
 * assigns it, the transport bureau signs for it and replies, the citizen rates the reply on the tracking
 * page, and the clerk's figures count the case as closed.
 */
@RendaIntegrationTest
@Tag("browser")
class CaseworkFlowBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void open(boolean phone) {
        if (browser != null) {
            browser.quit();
        }
        browser = Browser.open(phone);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private void signIn(String user) {
        open(false);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("renda-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    /** A tap: scrolled into view first; the browser's own click event, as a thumb would fire it. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private long closedInTown() {
        return jdbc.sql("select count(*) from case_item c join organisation o on o.id = c.org_id"
                + " where o.code = 'QH-AL' and c.state = 'CLOSED'").query(Long.class).single();
    }

    private String figuresRow(String label) {
        browser.get(url("/cases/figures?by=ORG"));
        return browser.findElement(By.xpath("//table[@id='figures']//tr[td[1][normalize-space()='" + label + "']]"))
                .getText();
    }

    @Test
    void aCitizensOpinionIsAssignedRepliedRatedAndCountedAsClosed() {
        String title = "镇中心路口红绿灯故障 " + System.nanoTime() % 10_000;
        long closedBefore = closedInTown();

        open(true);
        browser.get(url("/public/opinions/new"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("op-org")))).selectByVisibleText("安澜镇");
        new Select(browser.findElement(By.id("op-category"))).selectByVisibleText("交通出行");
        browser.findElement(By.id("op-title")).sendKeys(title);
        browser.findElement(By.id("op-content")).sendKeys("红绿灯已坏三天，早晚高峰很危险。");
        click(browser.findElement(By.id("op-anonymous")));
        click(browser.findElement(By.id("op-submit")));
        String receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code"))).getText().strip();
        long id = jdbc.sql("select id from case_item where receipt_code = ?").param(receipt).query(Long.class).single();

        signIn("anlan.staff");
        String before = figuresRow("安澜镇");
        browser.get(url("/cases/" + id));
        new Select(browser.findElement(By.id("lead"))).selectByVisibleText("交通运输局");
        click(browser.findElement(By.cssSelector("#assign-form button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已交办"));
        Browser.screenshot(browser, "case-assigned");

        signIn("unit.jiaotong");
        browser.get(url("/cases/" + id));
        click(browser.findElement(By.id("act-SIGN")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已签收"));
        browser.findElement(By.id("reply-note")).sendKeys("已于当日派人维修，红绿灯恢复正常。");
        click(browser.findElement(By.cssSelector("#reply-form button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已答复"));

        open(true);
        browser.get(url("/public/opinions/track/" + receipt));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已于当日派人维修");
        click(browser.findElement(By.cssSelector("label[for=rate-SATISFIED]")));
        click(browser.findElement(By.id("rate-submit")));
        wait.until(ExpectedConditions.textToBe(By.id("track-state"), "已办结"));
        Browser.screenshot(browser, "case-rated-phone");

        assertThat(closedInTown()).isEqualTo(closedBefore + 1);
        signIn("anlan.staff");
        String after = figuresRow("安澜镇");
        Browser.screenshot(browser, "case-figures");
        assertThat(after).isNotEqualTo(before);
        assertThat(after.split("\\s+")[2]).as("closed column").isEqualTo(String.valueOf(
                Long.parseLong(before.split("\\s+")[2]) + 1));
    }
}
