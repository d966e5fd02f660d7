package org.renda.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RuleKind;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.StationView;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The station clerk records a reception day on a phone: from the day's page, the deputies on duty already ticked,
 * two matters (the second row added on the page, a third added and removed again) and a photo; the record links
 * back to its day and the day to its record.
 */
@RendaIntegrationTest
@Tag("browser")
class ReceptionPhoneBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired StationNetwork network;
    @Autowired ReceptionRoster roster;
    @Autowired DeputyRegister deputies;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aClerkRecordsAReceptionDayWithTwoMattersAndAPhotoOnAPhone() throws Exception {
        String name = "手机接待测试站" + System.nanoTime() % 10_000;
        DayView day = Logins.call(accounts, "anlan.staff", () -> {
            long town = orgs.findByCode("QH-AL").orElseThrow().id();
            StationView s = network.create(town, new StationNetwork.StationForm("PH-" + System.nanoTime() % 1_000_000,
                    name, Tier.STATION, null, "安澜镇手机路 3 号", "工作日", null, null));
            List<DeputySummary> some = deputies.listAll(new DeputyRegister.Query(null, null, null, null, null, town,
                    true)).stream().limit(3).toList();
            some.forEach(d -> network.assignDeputy(s.id(), d.id(), true));
            roster.saveRule(s.id(), new ReceptionRule(RuleKind.MONTHLY_DAY, 5, null, null, ReceptionRule.EVERY_MONTH,
                    LocalTime.of(9, 0), LocalTime.of(11, 0), "手机测试接待室", 2, HolidayPolicy.NEXT_WORKING_DAY, 7));
            int year = LocalDate.now().getYear();
            roster.generate(s.id(), year, LocalDate.of(year, 1, 1));
            return roster.days(s.id(), year).get(0);
        });
        List<String> onDuty = day.duties().stream().map(StationViews.DutyView::deputyName).toList();
        Path photo = Files.createTempFile("reception", ".png");
        BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 80, 60);
        g.dispose();
        ImageIO.write(img, "png", photo.toFile());

        b = new BrowserSession(port).signIn("anlan.staff", true);
        WebDriver browser = b.driver();
        b.go("/stations/days/" + day.id());
        b.click(browser.findElement(By.id("day-record-new")));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("record-form")));
        assertThat(new Select(browser.findElement(By.id("rec-day"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(String.valueOf(day.id()));
        List<String> ticked = browser.findElements(By.cssSelector("input[name=deputyIds]:checked")).stream()
                .map(c -> browser.findElement(By.cssSelector("label[for='" + c.getAttribute("id") + "']")).getText())
                .toList();
        assertThat(ticked).containsExactlyInAnyOrderElementsOf(onDuty);

        WebElement visitors = browser.findElement(By.id("rec-visitors"));
        visitors.clear();
        visitors.sendKeys("3");
        browser.findElement(By.id("rec-summary")).sendKeys("三位村民来站反映问题。");
        browser.findElement(By.id("item-content-0")).sendKeys("手机测试：东湖村三组自来水压力不足");
        b.click(browser.findElement(By.id("add-matter")));
        b.click(browser.findElement(By.id("add-matter")));
        assertThat(browser.findElements(By.cssSelector("#matters [data-renda-row]"))).hasSize(3);
        // The second row was added by mistake: removed, the third becomes the second.
        b.click(browser.findElements(By.cssSelector("#matters [data-renda-row] [data-renda-remove-row]")).get(1));
        assertThat(browser.findElements(By.cssSelector("#matters [data-renda-row]"))).hasSize(2);
        new Select(browser.findElement(By.id("item-category-1"))).selectByVisibleText("交通出行");
        browser.findElement(By.id("item-content-1")).sendKeys("手机测试：村口路灯不亮");
        browser.findElement(By.id("item-answer-1")).sendKeys("已联系供电所");
        b.click(browser.findElement(By.id("item-resolved-1")));
        browser.findElement(By.id("rec-photos")).sendKeys(photo.toAbsolutePath().toString());
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("reception-form-phone");
        b.click(browser.findElement(By.id("record-save")));
        b.success("记录已保存");

        assertThat(browser.findElements(By.cssSelector("[id^=item-] .flex-grow-1 > p:first-child")).stream()
                .map(WebElement::getText).toList())
                .containsExactly("手机测试：东湖村三组自来水压力不足", "手机测试：村口路灯不亮");
        assertThat(browser.findElements(By.cssSelector("#record-photos img.record-photo"))).hasSize(1);
        assertThat(b.overflow()).isLessThanOrEqualTo(0L);
        b.screenshot("reception-record-phone");
        long recordId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(jdbc.sql("select resolved from reception_item where record_id = ? and seq = 2").param(recordId)
                .query(Boolean.class).single()).isTrue();

        b.click(browser.findElement(By.id("record-day")));
        WebElement link = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.day-record")));
        assertThat(link.getAttribute("href")).endsWith("/stations/records/" + recordId);
        b.screenshot("reception-day-phone");
    }
}
