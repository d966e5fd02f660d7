package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.renda.support.BrowserSession;
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

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    private long closedInTown() {
        return jdbc.sql("select count(*) from case_item c join organisation o on o.id = c.org_id"
                + " where o.code = 'QH-AL' and c.state = 'CLOSED'").query(Long.class).single();
    }

    private String figuresRow(String label) {
        b.go("/cases/figures?by=ORG");
        return b.driver().findElement(By.xpath("//table[@id='figures']//tr[td[1][normalize-space()='" + label + "']]"))
                .getText();
    }

    @Test
    void aCitizensOpinionIsAssignedRepliedRatedAndCountedAsClosed() {
        String title = "镇中心路口红绿灯故障 " + System.nanoTime() % 10_000;
        long closedBefore = closedInTown();

        b = new BrowserSession(port).open(true);
        WebDriver browser = b.driver();
        b.go("/public/opinions/new");
        new Select(b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("op-org")))).selectByVisibleText("安澜镇");
        new Select(browser.findElement(By.id("op-category"))).selectByVisibleText("交通出行");
        browser.findElement(By.id("op-title")).sendKeys(title);
        browser.findElement(By.id("op-content")).sendKeys("红绿灯已坏三天，早晚高峰很危险。");
        b.click(browser.findElement(By.id("op-anonymous")));
        b.click(browser.findElement(By.id("op-submit")));
        String receipt = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code"))).getText().strip();
        long id = jdbc.sql("select id from case_item where receipt_code = ?").param(receipt).query(Long.class).single();

        browser = b.signIn("anlan.staff", false).driver();
        String before = figuresRow("安澜镇");
        b.go("/cases/" + id);
        // The picker groups units by kind; typing narrows both lists to what matches.
        browser.findElement(By.id("lead-filter")).sendKeys("交通");
        assertThat(browser.findElements(By.cssSelector("#leadUnitId option")).stream()
                .filter(o -> o.getAttribute("hidden") == null).map(WebElement::getText).toList()).contains("交通运输局").doesNotContain("教育局", "东湖村");
        new Select(browser.findElement(By.id("leadUnitId"))).selectByVisibleText("交通运输局");
        browser.findElement(By.id("co-filter")).sendKeys("教育");
        WebElement education = browser.findElement(By.xpath("//div[@id='co-units']//label[normalize-space()='教育局']"));
        assertThat(browser.findElement(By.xpath("//div[@id='co-units']//label[normalize-space()='东湖村']")).isDisplayed())
                .isFalse();
        b.click(education);
        b.screenshot("case-assign-picker");
        b.click(browser.findElement(By.cssSelector("#assign-form button[type=submit]")));
        b.success("已交办");
        assertThat(jdbc.sql("select count(*) from case_assignment where case_id = ? and ended_at is null").param(id)
                .query(Integer.class).single()).as("lead and co-handling unit").isEqualTo(2);
        b.screenshot("case-assigned");

        browser = b.signIn("unit.jiaotong", false).driver();
        b.go("/cases/" + id);
        b.click(browser.findElement(By.id("act-SIGN")));
        b.success("已签收");
        browser.findElement(By.id("reply-note")).sendKeys("已于当日派人维修，红绿灯恢复正常。");
        b.click(browser.findElement(By.cssSelector("#reply-form button[type=submit]")));
        b.success("已答复");

        browser = b.open(true).driver();
        b.go("/public/opinions/track/" + receipt);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已于当日派人维修");
        b.click(browser.findElement(By.cssSelector("label[for=rate-SATISFIED]")));
        b.click(browser.findElement(By.id("rate-submit")));
        b.waiting().until(ExpectedConditions.textToBe(By.id("track-state"), "已办结"));
        b.screenshot("case-rated-phone");

        assertThat(closedInTown()).isEqualTo(closedBefore + 1);
        b.signIn("anlan.staff", false);
        String after = figuresRow("安澜镇");
        b.screenshot("case-figures");
        assertThat(after).isNotEqualTo(before);
        assertThat(after.split("\\s+")[2]).as("closed column").isEqualTo(String.valueOf(
                Long.parseLong(before.split("\\s+")[2]) + 1));
    }
}
