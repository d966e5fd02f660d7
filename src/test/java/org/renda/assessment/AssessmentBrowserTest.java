package org.renda.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.PeriodKind;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An evaluator scores two villages on a phone; the town's clerk closes the period; the ranking and the
 * award tiers appear.
 */
@RendaIntegrationTest
@Tag("browser")
class AssessmentBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree orgs;
    @Autowired SchemeBook schemes;
    @Autowired AssessmentDesk desk;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    private long user(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    private void scoreOnThePhone(String period, String village, String... points) {
        b.go("/assessments");
        WebElement link = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//a[contains(@class,'sheet-link')][@data-subject='" + village + "'][contains(., '" + period + "')]")));
        b.click(link);
        b.waiting().until(ExpectedConditions.textToBe(By.id("sheet-subject"), village));
        String[] codes = {"S1", "S2", "B1", "B2", "B3"};
        for (int i = 0; i < codes.length; i++) {
            WebElement input = b.driver().findElement(By.id("points_" + codes[i]));
            input.clear();
            input.sendKeys(points[i]);
        }
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        assertThat(b.driver().findElement(By.id("criteria_S1")).getText()).contains("评分标准");
        double sum = 0;
        for (String p : points) {
            sum += Double.parseDouble(p);
        }
        String total = sum == Math.rint(sum) ? String.valueOf((long) sum) : String.valueOf(sum);
        assertThat(b.driver().findElement(By.id("sheet-total")).getText()).as("the running total").isEqualTo(total);
        b.screenshot("assessment-sheet-phone-" + (village.equals("东湖村") ? "1" : "2"));
        b.click(b.driver().findElement(By.id("sheet-submit")));
        // submitting is irreversible: the browser asks first
        b.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        b.success("“" + village + "”的评分已提交");
    }

    @Test
    void anEvaluatorScoresTwoVillagesOnAPhoneStaffCloseThePeriodAndTheRankingAndTiersAppear() {
        String name = "浏览器测试考核" + System.nanoTime() % 100_000;
        long period = SystemContext.call(() -> {
            long scheme = schemes.draftFromTemplate(orgs.findByCode("QH-AL").orElseThrow().id(),
                    SchemeTemplates.VILLAGES, name, LocalDate.now().getYear());
            schemes.approve(scheme);
            long p = desk.openPeriod(scheme, PeriodKind.ANNUAL, name, LocalDate.now().withDayOfYear(1),
                    LocalDate.now().withDayOfYear(1).plusYears(1).minusDays(1));
            List<Long> two = desk.subjects(p).stream().filter(s -> s.name().equals("东湖村") || s.name().equals("南塘村"))
                    .map(SubjectView::id).toList();
            desk.createGroup(p, new AssessmentDesk.GroupForm("综合考核组", null, user("eval.wang"),
                    List.of("S1", "S2", "B1", "B2", "B3"), two, List.of()));
            return p;
        });

        b = new BrowserSession(port).signIn("eval.wang", true);
        scoreOnThePhone(name, "东湖村", "18", "9", "37", "27", "28");
        scoreOnThePhone(name, "南塘村", "19", "9.5", "38", "28", "28.5");
        b.screenshot("assessment-my-sheets-phone");

        WebDriver browser = b.signIn("anlan.staff", false).driver();
        b.go("/assessments/periods/" + period);
        assertThat(browser.findElement(By.id("progress")).getText()).contains("综合考核组", "2");
        b.screenshot("assessment-period");
        b.click(browser.findElement(By.id("close-period")));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ranking")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("考核期已结束，结果已计算");
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking .result-row"));
        assertThat(rows).hasSize(jdbc.sql("select count(*) from assessment_subject where period_id = ?").param(period)
                .query(Integer.class).single()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(rows.get(0).getAttribute("data-subject")).isEqualTo("南塘村");
        assertThat(rows.get(0).findElement(By.cssSelector(".rank")).getText()).isEqualTo("1");
        // nobody measured the half-year satisfaction: every village is incomplete and none takes a tier yet
        assertThat(rows).allSatisfy(r -> assertThat(r.findElement(By.cssSelector(".tier")).getText()).isEmpty());
        assertThat(rows.get(1).getAttribute("data-subject")).isEqualTo("东湖村");
        b.go("/assessments");
        assertThat(browser.findElement(By.id("periods")).getText()).contains(name);
        b.screenshot("assessment-index");

        browser = b.signIn("anlan.chair", false).driver();
        b.go("/assessments/periods/" + period + "/results");
        assertThat(browser.findElement(By.id("incomplete")).getText()).contains("东湖村", "群众对“两委”干部的满意度");
        b.screenshot("assessment-signoff-warning");
        // the presidium accepts the two scored villages' missing satisfaction as zero: they are tiered
        for (String village : List.of("南塘村", "东湖村")) {
            WebElement item = browser.findElement(By.cssSelector("#incomplete .incomplete-subject[data-subject='"
                    + village + "']"));
            item.findElement(By.name("reason")).sendKeys("本年度未开展半年测评，按零分计");
            b.click(item.findElement(By.cssSelector("button[type=submit]")));
            b.success("缺项已认定");
        }
        rows = browser.findElements(By.cssSelector("#ranking .result-row"));
        assertThat(rows.get(0).findElement(By.cssSelector(".tier")).getText()).isEqualTo("一等奖");
        assertThat(rows.get(1).findElement(By.cssSelector(".tier")).getText()).isEqualTo("一等奖");
        assertThat(rows.get(2).findElement(By.cssSelector(".tier")).getText()).isEmpty();
        b.screenshot("assessment-results");
        b.click(browser.findElement(By.id("sign")));
        b.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledgeIncomplete-error")));
        b.click(browser.findElement(By.cssSelector("#sign-form input[type=checkbox]")));
        b.click(browser.findElement(By.id("sign")));
        b.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        b.waiting().until(ExpectedConditions.textToBe(By.id("period-status"), "已签发，待公布"));
        b.go("/assessments/schemes/" + jdbc.sql("select scheme_id from assessment_period where id = ?")
                .param(period).query(Long.class).single());
        b.screenshot("assessment-scheme");
    }
}
