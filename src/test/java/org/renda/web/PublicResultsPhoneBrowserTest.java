package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The published results of the demo vote (27 departments and units) on a 390-px phone: every row's satisfaction
 * rate is on the screen without scrolling sideways, the counts per level under each unit's name.
 */
@RendaIntegrationTest
@Tag("browser")
class PublicResultsPhoneBrowserTest {

    @LocalServerPort int port;

    private BrowserSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theResultsTableFitsAPhoneWithTheRateColumnShown() {
        session = new BrowserSession(port, Duration.ofSeconds(20)).open(true);
        WebDriver phone = session.driver();
        session.go("/public/appraisals");
        session.click(session.waiting().until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("2026年度政府工作部门满意度测评"))));
        session.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("public-results")));
        long viewport = (Long) ((JavascriptExecutor) phone).executeScript("return document.documentElement.clientWidth;");
        assertThat(viewport).isLessThanOrEqualTo(420);
        long tableRight = ((Number) ((JavascriptExecutor) phone).executeScript(
                "return document.getElementById('public-results').getBoundingClientRect().right;")).longValue();
        assertThat(tableRight).as("the table within the screen, no sideways scrolling").isLessThanOrEqualTo(viewport);
        assertThat(session.overflow()).isLessThanOrEqualTo(0L);
        List<WebElement> rates = phone.findElements(By.cssSelector("#public-results tbody td.rate"));
        assertThat(rates).hasSize(27);
        for (WebElement rate : rates) {
            assertThat(rate.isDisplayed()).isTrue();
            assertThat(rate.getText()).endsWith("%");
        }
        WebElement header = phone.findElement(By.xpath("//table[@id='public-results']//th[last()]"));
        assertThat(header.isDisplayed()).isTrue();
        assertThat(header.getText()).isEqualTo("满意率");
        assertThat(phone.findElement(By.cssSelector("#public-results tbody tr .level-line")).getText())
                .contains("满意", "不满意");
        session.screenshot("public-results-phone-table");
    }
}
