package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renda.calendar.Deadlines;
import org.renda.org.OrgTree;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The appraisal meeting: staff open a vote on the county's 27 departments and units, print the code slips,
 * 30 deputies vote on phones with the codes they drew, the county director (the presiding officer) closes the
 * vote after confirming the question that names it, the results appear at once and the unit below the threshold
 * gets a rectification item due in three months; the director publishes them, again after a question.
 */
@RendaIntegrationTest
@Tag("browser")
class AppraisalVoteBrowserTest {

    private static final Pattern CODE = Pattern.compile("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
    private static final int VOTERS = 30;

    @LocalServerPort int port;
    @Autowired Deadlines deadlines;
    @Autowired OrgTree orgs;

    private BrowserSession staffSession;
    private BrowserSession phoneSession;
    private BrowserSession directorSession;

    /** Answers the page's data-renda-confirm question with OK and returns its text. */
    private static String confirm(WebDriverWait wait) {
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        return question;
    }

    @AfterEach
    void close() {
        if (directorSession != null) {
            directorSession.close();
        }
        if (staffSession != null) {
            staffSession.close();
        }
        if (phoneSession != null) {
            phoneSession.close();
        }
    }

    @Test
    void thirtyDeputiesVoteOnPhonesAndTheUnitBelowTheThresholdMustRectify() throws Exception {
        staffSession = new BrowserSession(port, Duration.ofSeconds(20)).signIn("county.staff", false);
        WebDriver staff = staffSession.driver();
        WebDriverWait wait = staffSession.waiting();

        // A campaign of full coverage: the county's 27 departments and units.
        String title = "浏览器测试 " + System.nanoTime() % 1_000_000 + " 年度工作评议";
        staffSession.go("/appraisals");
        WebElement t = staff.findElement(By.id("c-title"));
        t.clear();
        t.sendKeys(title);
        staffSession.click(staff.findElement(By.id("c-submit")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-title"), title));
        assertThat(staff.findElements(By.cssSelector("#subjects tbody tr"))).hasSize(27);
        staffSession.click(staff.findElement(By.id("cv-submit")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invariants")));
        String votePage = staff.getCurrentUrl();

        // The roll from the register, everybody ticked as having drawn a slip, 30 slips printed.
        staffSession.click(staff.findElement(By.id("roll-load")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("roll-all")));
        staffSession.click(staff.findElement(By.id("roll-all")));
        staffSession.click(staff.findElement(By.id("issued-save")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inv-issued")));
        int eligible = Integer.parseInt(staff.findElement(By.id("inv-eligible")).getText());
        assertThat(eligible).isGreaterThanOrEqualTo(VOTERS);
        assertThat(staff.findElement(By.id("inv-issued")).getText()).isEqualTo(String.valueOf(eligible));
        staffSession.screenshot("appraisal-vote-draft");
        WebElement count = staff.findElement(By.id("codes-count"));
        count.clear();
        count.sendKeys(String.valueOf(VOTERS));
        String pdf = (String) ((JavascriptExecutor) staff).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var f = document.getElementById('codes-form');
                fetch(f.action, {method: 'POST', body: new FormData(f), credentials: 'same-origin'})
                  .then(function (r) { return r.arrayBuffer(); })
                  .then(function (b) { var u = new Uint8Array(b), s = '';
                    for (var i = 0; i < u.length; i++) { s += String.fromCharCode(u[i]); } done(btoa(s)); });""");
        List<String> codes = new ArrayList<>();
        try (var doc = Loader.loadPDF(Base64.getDecoder().decode(pdf))) {
            Matcher m = CODE.matcher(new PDFTextStripper().getText(doc));
            while (m.find()) {
                codes.add(m.group());
            }
        }
        assertThat(codes).hasSize(VOTERS).doesNotHaveDuplicates();
        staff.get(votePage);
        staffSession.click(staff.findElement(By.id("vote-open")));
        assertThat(confirm(wait)).contains("确定开始", title);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("vote-state"), "投票中"));
        String voteUrl = staff.findElement(By.id("vote-url")).getText();

        // 30 deputies on phones: 农业农村局 is rated poorly by most of them.
        phoneSession = new BrowserSession(port, Duration.ofSeconds(20)).open(true);
        WebDriver phone = phoneSession.driver();
        WebDriverWait onPhone = phoneSession.waiting();
        for (int v = 0; v < VOTERS; v++) {
            phone.manage().deleteAllCookies();
            phone.get(voteUrl);
            onPhone.until(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-code")));
            phone.findElement(By.id("ballot-code")).sendKeys(codes.get(v).toLowerCase());
            if (v == 0) {
                phoneSession.screenshot("appraisal-ballot-phone-top");
            }
            List<WebElement> cards = phone.findElements(By.cssSelector(".subject-card"));
            assertThat(cards).hasSize(27);
            // The first subject by a real tap; the rest by the same click on each card's chosen label.
            phoneSession.click(cards.get(0).findElements(By.cssSelector("label.level-btn")).get(v % 2));
            ((JavascriptExecutor) phone).executeScript("""
                    var v = arguments[0];
                    document.querySelectorAll('.subject-card').forEach(function (card, i) {
                      if (i === 0) { return; }
                      var weak = card.querySelector('.subject-title').textContent.indexOf('农业农村局') >= 0;
                      var labels = card.querySelectorAll('label.level-btn');
                      labels[weak ? (v < 24 ? 3 : 2) : (v % 3 === 0 ? 1 : 0)].click();
                    });""", v);
            if (v == 0) {
                assertThat(phone.findElement(By.id("ballot-progress")).getText()).isEqualTo("已评 27 / 27");
                assertThat(phoneSession.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
                phoneSession.screenshot("appraisal-ballot-phone");
            }
            phoneSession.click(phone.findElement(By.id("ballot-submit")));
            onPhone.until(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-done")));
        }
        // A replayed code is refused and the choices are kept.
        phone.get(voteUrl);
        phone.findElement(By.id("ballot-code")).sendKeys(codes.get(0));
        ((JavascriptExecutor) phone).executeScript(
                "document.querySelectorAll('.subject-card').forEach(function (c) { c.querySelector('label.level-btn').click(); });");
        phoneSession.click(phone.findElement(By.id("ballot-submit")));
        onPhone.until(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-failure")));
        assertThat(phone.findElement(By.id("ballot-failure")).getText()).isEqualTo("投票码无效或已使用");
        assertThat(phone.findElements(By.cssSelector("input.btn-check:checked"))).hasSize(27);

        // While open, staff see only the counts and no close button: the presiding officer closes.
        staff.get(votePage);
        assertThat(staff.findElement(By.id("inv-ballots")).getText()).isEqualTo(String.valueOf(VOTERS));
        assertThat(staff.findElement(By.id("inv-spent")).getText()).isEqualTo(String.valueOf(VOTERS));
        assertThat(staff.findElements(By.id("results-table"))).isEmpty();
        assertThat(staff.findElements(By.id("vote-close"))).isEmpty();
        assertThat(staff.findElement(By.id("preside-hint")).getText()).contains("主持人");
        directorSession = new BrowserSession(port, Duration.ofSeconds(20)).signIn("county.director", false);
        WebDriver director = directorSession.driver();
        WebDriverWait byDirector = directorSession.waiting();
        director.get(votePage);
        directorSession.screenshot("appraisal-vote-preside");
        directorSession.click(director.findElement(By.id("vote-close")));
        assertThat(confirm(byDirector)).startsWith("关闭后不能再投票").contains(title);
        byDirector.until(ExpectedConditions.visibilityOfElementLocated(By.id("results-table")));
        directorSession.click(director.findElement(By.id("publish")));
        assertThat(confirm(byDirector)).contains("确定公布", title);
        directorSession.success("结果已在门户公布");
        staff.get(votePage);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results-table")));
        assertThat(staff.findElement(By.id("vote-state")).getText()).isEqualTo("已结束");
        assertThat(staff.findElement(By.id("inv-check")).getText()).startsWith("核对无误");
        List<WebElement> rows = staff.findElements(By.cssSelector("#results-table tbody tr"));
        assertThat(rows).hasSize(27);
        WebElement weak = staff.findElement(By.cssSelector("#results-table tr[data-subject='农业农村局']"));
        assertThat(weak.getText()).contains("须整改");
        assertThat(weak.findElement(By.cssSelector(".rate")).getText()).isEqualTo("0.00%");
        assertThat(weak.findElement(By.cssSelector(".rank")).getText()).isEqualTo("27");
        WebElement education = staff.findElement(By.cssSelector("#results-table tr[data-subject='教育局']"));
        assertThat(education.findElement(By.cssSelector(".rate")).getText()).isEqualTo("100.00%");
        assertThat(staff.findElements(By.cssSelector("#results-table .badge.text-bg-danger"))).hasSize(1);
        staffSession.screenshot("appraisal-vote-results");

        // The rectification ledger: 农业农村局, a written report due three months on.
        staff.get(staff.findElement(By.cssSelector("nav .breadcrumb a[href*='/appraisals/']")).getAttribute("href") + "/ledger");
        WebElement ledger = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger")));
        assertThat(ledger.getText()).contains("农业农村局", "满意度测评满意率 0%");
        LocalDate due = deadlines.dueDate(orgs.findByCode("QH").orElseThrow().id(), "RECTIFICATION_REPORT", LocalDate.now());
        assertThat(ledger.getText()).contains(due.toString());
        assertThat(due).isAfterOrEqualTo(LocalDate.now().plusMonths(3));
        staffSession.screenshot("appraisal-ledger");

        // The demo campaign's transport bureau: board, checks with the casework figures, questionnaires, report.
        staffSession.go("/appraisals");
        staffSession.click(staff.findElement(By.linkText("清河县人大常委会2026年度政府工作部门工作评议")));
        staffSession.click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("交通运输局"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subject-title"), "交通运输局"));
        assertThat(staff.findElement(By.id("hotline")).getText()).contains("受理", "办结率");
        assertThat(staff.findElements(By.cssSelector("#questionnaires tbody tr"))).hasSize(5);
        staffSession.screenshot("appraisal-subject");
    }
}
