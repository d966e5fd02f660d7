package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.renda.deputy.DeputyRegister;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.supervision.EightStepViews.ProcessView;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The town clerk on a phone: an activity halfway through the eight steps shows as a vertical timeline (done, current,
 * waiting) that fits the screen, and the current step is closed there with its evidence and a photo; the term's
 * duty-report plan with its vote results fits the screen too.
 */
@RendaIntegrationTest
@Tag("browser")
class EightStepPhoneBrowserTest {

    @LocalServerPort int port;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired EightStepDesk desk;
    @Autowired DeputyRegister deputies;
    @Autowired OfficialReportDesk reports;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void theClerkClosesTheCurrentStepOnAPhoneAndTheTimelineMovesOn() throws Exception {
        LocalDate start = LocalDate.now().minusDays(20);
        ProcessView p = Logins.call(accounts, "anlan.staff", () -> {
            long town = orgs.findByCode("QH-AL").orElseThrow().id();
            long template = desk.templatesFor(town).stream().filter(t -> t.code().equals("EIGHT_STEP")).findFirst()
                    .orElseThrow().id();
            List<Long> who = deputies.listAll(new DeputyRegister.Query(null, null, null, null, null, town, true))
                    .stream().limit(5).map(d -> d.id()).toList();
            ProcessView q = desk.start(new EightStepDesk.NewProcess(town, template, "集镇农贸市场改造评议活动", start,
                    "民生实事：农贸市场提质改造", who));
            String[] evidence = {"提前 7 天书面通知 5 名代表。", "走访市场商户 30 户、群众 50 余人。",
                "召开评议座谈会，代表提出意见 8 条。", "形成书面评议意见 5 条，交镇政府办理。"};
            for (int i = 0; i < 4; i++) {
                q = desk.close(q.steps().get(i).id(), new EightStepDesk.CloseForm(start.plusDays(3L * i), evidence[i]),
                        List.of());
            }
            return q;
        });
        Path photo = Files.createTempFile("rectification", ".png");
        BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 80, 60);
        g.dispose();
        ImageIO.write(img, "png", photo.toFile());

        b = new BrowserSession(port).signIn("anlan.staff", true);
        WebDriver browser = b.driver();
        b.go("/supervision/steps/" + p.id());
        assertThat(browser.findElements(By.cssSelector("#step-5 input[type=file][required]")))
                .as("no stray required input blocks the form").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline > li.step-done"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#timeline > li.step-current")).getText()).contains("监督整改落实");
        assertThat(browser.findElements(By.cssSelector("#timeline > li.step-waiting"))).hasSize(3);
        browser.findElement(By.id("evidence")).sendKeys("督促市场排水沟改造，已完成 80%。");
        browser.findElement(By.id("step-files")).sendKeys(photo.toString());
        b.click(browser.findElement(By.cssSelector("#step-5 button[type=submit]")));
        assertThat(b.success("“监督整改落实”已完成")).isEqualTo("“监督整改落实”已完成");
        assertThat(browser.findElements(By.cssSelector("#timeline > li.step-done"))).hasSize(5);
        assertThat(browser.findElement(By.id("step-5")).getText()).contains("张丽", "督促市场排水沟改造", "rectification");
        assertThat(browser.findElement(By.cssSelector("#timeline > li.step-current")).getText()).contains("整改验收评议");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        assertThat(b.cspViolations()).isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('step-4').scrollIntoView({block: 'start', behavior: 'instant'});");
        b.screenshot("eight-step-timeline-phone");
    }

    @Test
    void theDutyReportPlanWithItsVoteResultFitsAPhone() {
        long plan = Logins.call(accounts, "anlan.staff", () -> reports.plans()).stream()
                .filter(p -> p.orgName().equals("安澜镇") && p.termNo() == 18).findFirst().orElseThrow().id();
        b = new BrowserSession(port).signIn("anlan.staff", true);
        b.go("/supervision/official-reports/" + plan);
        String text = b.driver().findElement(By.tagName("body")).getText();
        assertThat(text).contains("应述职 6 人，已述职 4 人，已测评 2 人", "王建国", "已测评", "满意率");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        assertThat(b.cspViolations()).isEmpty();
        b.screenshot("official-report-plan-phone");
    }
}
