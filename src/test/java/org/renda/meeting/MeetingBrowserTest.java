package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.identity.Logins;
import org.renda.meeting.MeetingDesk.AgendaForm;
import org.renda.meeting.MeetingDesk.MeetingForm;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.org.OrgTree;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * On a phone: a deputy of a village (赵大山) opens 会议, sees the next session with its agenda and materials and
 * confirms attendance with one tap; the town clerk records a resolution's open vote and the chair announces it.
 */
@RendaIntegrationTest
@Tag("browser")
class MeetingBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired MeetingDesk desk;
    @Autowired Resolutions resolutions;
    @Autowired DeputyRegister deputies;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aDeputySeesTheNextSessionAndConfirmsWithOneTap() {
        long next = jdbc.sql("select id from meeting where title = '安澜镇第十八届人民代表大会第十次会议'").query(Long.class).single();
        b = new BrowserSession(port).signIn("deputy.zhao", true);
        WebDriver browser = b.driver();
        assertThat(browser.findElement(By.id("my-meeting")).getText()).as("the home page names a next meeting")
                .contains("人民代表大会", "确认出席");
        b.go("/meetings");
        assertThat(browser.findElement(By.id("next-meeting")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("安澜镇第十八届人民代表大会第十次会议");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("meeting-deputy-index-phone");

        b.go("/meetings/" + next);
        assertThat(browser.findElement(By.id("agenda")).getText()).contains("民生实事项目推进情况");
        assertThat(browser.findElement(By.id("materials")).getText()).contains("民生实事项目推进情况的报告（征求意见稿）");
        assertThat(b.overflow()).isLessThanOrEqualTo(0L);
        b.click(browser.findElement(By.id("confirm-attendance")));
        b.success("已确认出席");
        assertThat(browser.findElement(By.id("my-answer")).getText()).contains("已确认出席");
        assertThat(b.cspViolations()).isEmpty();
        b.screenshot("meeting-deputy-confirmed-phone");
    }

    @Test
    void theClerkRecordsAnOpenVoteAndTheChairAnnouncesIt() {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        List<Long> members = deputies.congressMembers(town).stream().map(DeputyRef::id).toList();
        LocalDate today = LocalDate.now();
        ResolutionView r = Logins.call(accounts, "anlan.staff", () -> {
            long id = desk.create(new MeetingForm(town, MeetingKind.SESSION, null, 18, 40 + (int) (System.nanoTime() % 9),
                    today, today, LocalTime.of(8, 30), "镇政府三楼会议室")).id();
            desk.addAgenda(id, new AgendaForm("表决关于民生实事项目的决议", today, LocalTime.of(11, 0), null));
            desk.advance(id, MeetingState.NOTIFIED);
            desk.advance(id, MeetingState.IN_SESSION);
            desk.checkIn(id, members.subList(0, 36));
            return resolutions.draft(id, new Resolutions.ResolutionForm(ResolutionKind.RESOLUTION,
                    "关于下一年度民生实事项目的决议", "会议决定：下一年度实施民生实事项目十件。"));
        });

        b = new BrowserSession(port).signIn("anlan.staff", true);
        WebDriver browser = b.driver();
        b.go("/meetings/" + r.meetingId());
        assertThat(browser.findElement(By.id("quorum")).getText()).contains("符合法定人数");
        b.click(browser.findElement(By.cssSelector("#resolution-" + r.id() + " a[href$='/vote']")));
        type(browser.findElement(By.id("votesFor")), "33");
        type(browser.findElement(By.id("votesAgainst")), "1");
        type(browser.findElement(By.id("votesAbstain")), "1");
        type(browser.findElement(By.id("notVoting")), "1");
        assertThat(b.overflow()).isLessThanOrEqualTo(0L);
        b.screenshot("meeting-vote-form-phone");
        b.click(browser.findElement(By.id("record-vote")));
        b.success("表决结果已录入");
        assertThat(browser.findElement(By.cssSelector("#resolution-" + r.id() + " .counts")).getText())
                .contains("赞成 33 票", "反对 1 票", "实到 36 人",
                        "全体代表 " + deputies.congressMembers(orgs.findByCode("QH-AL").orElseThrow().id()).size() + " 人");

        b = new BrowserSession(port).signIn("anlan.chair", false);
        b.go("/meetings/" + r.meetingId());
        b.click(b.driver().findElement(By.cssSelector("#resolution-" + r.id() + " form button")));
        b.success("表决结果已宣布");
        assertThat(b.driver().findElement(By.cssSelector("#resolution-" + r.id() + " .result")).getText()).isEqualTo("通过");
        b.screenshot("meeting-resolution-announced");
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }
}
