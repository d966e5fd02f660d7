package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.renda.appraisal.RectificationWorkload;
import org.renda.assessment.SheetWorkload;
import org.renda.casework.CaseWorkload;
import org.renda.casework.CaseWorkload.Bucket;
import org.renda.deputy.DutyLog;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.station.ReceptionRoster;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each role signs in on a phone and finds its work on the home page, counted as the read facades count it,
 * and one tap opens the list behind a count.
 */
@RendaIntegrationTest
@Tag("browser")
class HomeBrowserTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired CurrentActor currentActor;
    @Autowired OrgTree orgs;
    @Autowired CaseWorkload cases;
    @Autowired RectificationWorkload rectifications;
    @Autowired SheetWorkload sheets;
    @Autowired DutyLog duties;
    @Autowired ReceptionRoster roster;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    private Actor actor(String username) {
        return Logins.call(accounts, username, currentActor::require);
    }

    private WebElement task(String id) {
        return b.driver().findElement(By.cssSelector("a.task[data-task='" + id + "']"));
    }

    private long count(String id) {
        return Long.parseLong(task(id).findElement(By.cssSelector(".task-count")).getText().strip());
    }

    private void noSidewaysScrolling() {
        Object overflow = ((JavascriptExecutor) b.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
    }

    @Test
    void aUnitSeesItsCasesToSignAndItsScoringSheetsAndOneTapListsThem() throws Exception {
        WorkloadFacadesTest.assignedCase(mvc, accounts, orgs.findByCode("QH-AL").orElseThrow().id(),
                orgs.findByCode("QH-D11").orElseThrow().id(), "首页浏览器：桥头路灯不亮");
        Actor unit = actor("unit.jiaotong");
        var expected = cases.counts(unit, LocalDate.now());

        b = new BrowserSession(port).signIn("unit.jiaotong", true);
        assertThat(count("cases-to-sign")).isEqualTo(expected.get(Bucket.TO_SIGN)).isPositive();
        assertThat(count("cases-to-reply")).isEqualTo(expected.get(Bucket.TO_REPLY));
        assertThat(count("cases-unit-overdue")).isEqualTo(expected.get(Bucket.UNIT_OVERDUE));
        assertThat(count("sheets-open")).isEqualTo(sheets.of(unit).open()).isPositive();
        for (var line : rectifications.ofUnit(unit, LocalDate.now())) {
            assertThat(count("rectification-" + line.campaignId())).isEqualTo(line.waiting());
        }
        assertThat(b.driver().findElements(By.cssSelector(".stat-card"))).as("no organisation counts").isEmpty();
        noSidewaysScrolling();
        b.screenshot("home-unit-phone");
        copyShot("home-unit-phone", "unit-home-phone.png");

        b.click(task("cases-to-sign"));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-cases")));
        assertThat(b.driver().findElements(By.cssSelector("a.waiting-case"))).hasSize(expected.get(Bucket.TO_SIGN)
                .intValue());
        assertThat(b.driver().getPageSource()).contains("首页浏览器：桥头路灯不亮");

        b.go("/");
        b.click(task("sheets-open"));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-sheets-count")));
        assertThat(b.driver().findElements(By.cssSelector("a.sheet-link[data-status=DRAFT]")))
                .hasSize((int) sheets.of(unit).open());
        assertThat(b.driver().findElements(By.cssSelector("#mainNav a[href='/assessments/sheets/mine']")))
                .as("the menu reaches the sheets").hasSize(1);

        b.signIn("unit.jiaotong", false);
        b.screenshot("home-unit-desktop");
        copyShot("home-unit-desktop", "unit-home.png");
    }

    /** Keeps a screenshot for the lead's note (best effort: the directory is outside the project). */
    private static void copyShot(String name, String as) throws Exception {
        Path shots = Path.of("/work/wt/shots");
        Path from = Path.of("target", "screenshots", name + ".png");
        if (Files.exists(from) && (Files.isDirectory(shots) || shots.getParent().toFile().canWrite())) {
            Files.createDirectories(shots);
            Files.copy(from, shots.resolve(as), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anEvaluatorSeesTheirOpenScoringSheetsAndOneTapListsThem() {
        Actor wang = actor("eval.wang");
        b = new BrowserSession(port).signIn("eval.wang", true);
        assertThat(count("sheets-open")).isEqualTo(sheets.of(wang).open()).isPositive();
        b.click(task("sheets-open"));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-sheets-count")));
        assertThat(b.driver().findElements(By.cssSelector("a.sheet-link[data-status=DRAFT]")))
                .hasSize((int) sheets.of(wang).open());
        noSidewaysScrolling();
        b.screenshot("home-evaluator-sheets-phone");
    }

    @Test
    void aDeputySeesReceptionDaysDutiesAndVotesAndTheBadgeOpensTheConfirmation() {
        var mine = Logins.call(accounts, "deputy.zhao", () -> roster.mine(LocalDate.now()));
        b = new BrowserSession(port).signIn("deputy.zhao", true);
        assertThat(b.driver().findElements(By.cssSelector("#my-receptions a.reception-task"))).hasSize(mine.size());
        assertThat(mine).as("the demo puts 赵大山 on the next reception day").isNotEmpty();
        assertThat(b.driver().findElements(By.cssSelector("#my-duties a.btn-danger"))).as("record a duty").hasSize(1);
        b.screenshot("home-deputy-phone");
        noSidewaysScrolling();
        var pending = mine.stream().filter(m -> m.state().name().equals("ASSIGNED")).findFirst();
        if (pending.isPresent()) {
            WebElement badge = task("reception-ASSIGNED").findElement(By.cssSelector(".btn"));
            assertThat(badge.getText()).contains("待确认");
            b.click(badge);
            b.waiting().until(ExpectedConditions.urlContains("/stations/mine#duty-" + pending.get().dutyId()));
            assertThat(b.driver().findElement(By.cssSelector("#duty-" + pending.get().dutyId() + " button.confirm-duty"))
                    .isDisplayed()).isTrue();
        } else {
            b.click(b.driver().findElements(By.cssSelector("#my-receptions a.reception-task")).get(0));
            b.waiting().until(ExpectedConditions.urlContains("/stations/mine"));
        }
    }

    @Test
    void aTownClerkSeesTheReviewQueueCasesToAssignAndOverdueAndOneTapOpensTheQueue() {
        Actor clerk = actor("anlan.staff");
        var expected = cases.counts(clerk, LocalDate.now());
        long queue = Logins.call(accounts, "anlan.staff", duties::queueSize);
        b = new BrowserSession(port).signIn("anlan.staff", true);
        assertThat(count("duty-review")).isEqualTo(queue);
        assertThat(count("cases-to-assign")).isEqualTo(expected.get(Bucket.TO_ASSIGN));
        assertThat(count("cases-overdue")).isEqualTo(expected.get(Bucket.OVERDUE));
        assertThat(count("cases-to-close")).isEqualTo(expected.get(Bucket.TO_CLOSE));
        assertThat(b.driver().findElements(By.id("station-missed"))).as("the demo's missed reception day").hasSize(1);
        assertThat(b.driver().findElements(By.cssSelector(".stat-card"))).as("no organisation counts").isEmpty();
        noSidewaysScrolling();
        b.screenshot("home-clerk-phone");
        b.click(task("cases-to-assign"));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-total")));
        assertThat(b.driver().findElements(By.cssSelector("a.waiting-case")))
                .hasSize((int) Math.min(expected.get(Bucket.TO_ASSIGN), 200));
        b.go("/");
        b.click(task("duty-review"));
        b.waiting().until(ExpectedConditions.urlContains("/duties/review"));
    }

    @Test
    void theCountyDirectorSeesOverdueAndSupervisedCasesAndTheOpenVote() {
        Actor director = actor("county.director");
        var expected = cases.counts(director, LocalDate.now());
        b = new BrowserSession(port).signIn("county.director", true);
        assertThat(count("cases-overdue")).isEqualTo(expected.get(Bucket.OVERDUE));
        assertThat(count("cases-supervised")).isEqualTo(expected.get(Bucket.SUPERVISED));
        var votes = b.driver().findElements(By.cssSelector("a.task[data-task^='vote-']"));
        assertThat(votes).as("the demo's open duty-report vote").isNotEmpty();
        noSidewaysScrolling();
        b.screenshot("home-director-phone");
        b.click(task("cases-overdue"));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-total")));
        assertThat(b.driver().findElements(By.cssSelector("a.waiting-case")))
                .hasSize((int) Math.min(expected.get(Bucket.OVERDUE), 200));
    }

    @Test
    void aVisitorFindsThePublicServicesAndTheResultsFitAPhoneWithTheRateInView() {
        b = new BrowserSession(port).open(true);
        b.go("/");
        assertThat(b.driver().findElements(By.cssSelector("#portal-links a"))).hasSize(5);
        b.screenshot("portal-phone");
        b.click(b.driver().findElement(By.id("portal-deputies")));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.public-deputy")));
        b.click(b.driver().findElements(By.cssSelector("a.public-deputy")).get(0));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("deputy-contact")));
        b.click(b.driver().findElement(By.id("deputy-contact")));
        b.waiting().until(ExpectedConditions.urlContains("/public/opinions/new"));

        b.go("/login");
        b.click(b.driver().findElement(By.id("portal-results")));
        b.waiting().until(ExpectedConditions.urlContains("/public/appraisals"));
        WebElement published = b.driver().findElement(By.cssSelector("main a[href^='/public/appraisals/']"));
        b.click(published);
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("public-results")));
        noSidewaysScrolling();
        Object right = ((JavascriptExecutor) b.driver()).executeScript(
                "var c = document.querySelector('#public-results tbody td.rate');"
                        + " return c.getBoundingClientRect().right - document.documentElement.clientWidth;");
        assertThat(((Number) right).doubleValue()).as("the rate column is in view on a 390-px phone")
                .isLessThanOrEqualTo(0);
        b.screenshot("public-results-phone");
    }
}
