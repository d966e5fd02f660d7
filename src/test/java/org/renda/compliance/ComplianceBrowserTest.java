package org.renda.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The town clerk rates items of the self-assessment on a phone: the page fits the screen and the counts move. */
@RendaIntegrationTest
@Tag("browser")
class ComplianceBrowserTest {

    /** A year no other test assesses. */
    private static final int YEAR = 2022;

    @LocalServerPort int port;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired ComplianceDesk desk;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void theClerkRatesAnItemOnAPhoneAndTheCountsFollow() {
        long anlan = orgs.findByCode("QH-AL").orElseThrow().id();
        AssessmentView a = Logins.call(accounts, "anlan.staff", () -> desk.open(anlan, YEAR));
        long item5 = Logins.call(accounts, "anlan.staff", () -> desk.page(a.id())).lines().get(4).rating().id();

        b = new BrowserSession(port).signIn("anlan.staff", true);
        WebDriver browser = b.driver();
        b.go("/compliance/assessments/" + a.id());
        assertThat(browser.findElement(By.id("counts")).getText()).contains("未评 41");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);

        b.click(browser.findElement(By.cssSelector("label[for='r-" + item5 + "-PARTIAL']")));
        browser.findElement(By.id("remark-" + item5)).sendKeys("全年只举行了一次会议，第二次会议延至次年一月。");
        b.click(browser.findElement(By.cssSelector("#item-5 .rating-form button[type=submit]")));
        assertThat(b.success("已保存。")).isEqualTo("已保存。");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("部分落实 1", "未评 40");
        assertThat(browser.findElement(By.id("remark-" + item5)).getText()).contains("第二次会议延至次年一月");
        assertThat(browser.findElement(By.id("item-5")).getText()).contains("人民代表大会会议（次）");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        assertThat(b.cspViolations()).isEmpty();
        b.screenshot("compliance-self-assessment-phone");
    }

    @Test
    void theCountyClerkFindsATownsSubmissionInTheInboxAndOpensIt() {
        long liuxi = orgs.findByCode("QH-LX").orElseThrow().id();
        int year = java.time.LocalDate.now().getYear();
        AssessmentView submitted = Logins.call(accounts, "county.staff", () -> desk.assessment(liuxi, year))
                .orElseThrow(); // the demo's: submitted, awaiting the county

        b = new BrowserSession(port).signIn("county.staff", true);
        WebDriver browser = b.driver();
        b.go("/inbox");
        WebElement notice = browser.findElements(By.cssSelector("[data-inbox-item]")).stream()
                .filter(e -> e.getText().contains("柳溪镇" + year + "年条例落实自评待审核")).findFirst().orElseThrow();
        assertThat(notice.getText()).contains("全面落实 30 项", "部分落实 9 项", "未落实 2 项", "请审核后通过或退回");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("compliance-submission-inbox-phone");
        b.click(notice.findElement(By.cssSelector("button[type=submit]")));
        b.waiting().until(d -> d.getCurrentUrl().endsWith("/compliance/assessments/" + submitted.id()));
        assertThat(browser.getPageSource()).contains("柳溪镇");
        assertThat(b.cspViolations()).isEmpty();
    }
}
