package org.renda.station;

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
import org.openqa.selenium.support.ui.Select;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.StationView;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The town clerk sets a station's monthly rule and generates next year's roster; 赵大山 confirms his first day on
 * his phone; the station's public page shows the next reception with its deputies; a reception's matter turns
 * into a tracked case with a deputy as its sponsor.
 */
@RendaIntegrationTest
@Tag("browser")
class StationBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired StationNetwork network;
    @Autowired DeputyRegister deputies;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void staffPlanTheYearADeputyConfirmsOnAPhoneThePublicSeesItAndAMatterBecomesACase() {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        String name = "浏览器测试联络站" + System.nanoTime() % 10_000;
        StationView s = Logins.call(accounts, "anlan.staff", () -> {
            StationView created = network.create(town, new StationNetwork.StationForm("BR-" + System.nanoTime() % 1_000_000,
                    name, Tier.STATION, null, "安澜镇浏览器路 2 号", "工作日", null, null));
            List<DeputySummary> all = deputies.listAll(new DeputyRegister.Query(null, null, null, null, null, town, true));
            all.stream().filter(d -> d.name().equals("赵大山")).forEach(d -> network.assignDeputy(created.id(), d.id(), true));
            all.stream().filter(d -> !d.name().equals("赵大山")).limit(2)
                    .forEach(d -> network.assignDeputy(created.id(), d.id(), true));
            return created;
        });
        int year = LocalDate.now().getYear() + 1;

        // The clerk sets the rule (the 5th of every month, three deputies) and generates next year's roster.
        b = new BrowserSession(port).signIn("anlan.staff", false);
        WebDriver browser = b.driver();
        b.go("/stations/" + s.id() + "/roster?year=" + year);
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("MONTHLY_DAY");
        WebElement day = browser.findElement(By.id("rule-day"));
        day.clear();
        day.sendKeys("5");
        WebElement perDay = browser.findElement(By.id("rule-per-day"));
        perDay.clear();
        perDay.sendKeys("3");
        new Select(browser.findElement(By.id("rule-policy"))).selectByValue("NEXT_WORKING_DAY");
        b.click(browser.findElement(By.id("rule-save")));
        b.success("接待日规则已保存");
        b.click(browser.findElement(By.id("roster-generate")));
        b.success(year + " 年接待日已生成：12 个接待日");
        assertThat(browser.findElements(By.cssSelector("#roster tbody tr"))).hasSize(12);
        assertThat(browser.findElement(By.id("roster")).getText()).contains("赵大山");
        b.screenshot("station-roster");

        // 赵大山 confirms his first reception day on his phone.
        browser = b.signIn("deputy.zhao", true).driver();
        b.go("/stations/mine");
        WebElement card = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'my-duty')][.//div[contains(., '" + name + "')]]")));
        String dutyId = card.getAttribute("id");
        b.click(card.findElement(By.cssSelector("button.confirm-duty")));
        b.success("已确认参加");
        assertThat(browser.findElement(By.id(dutyId)).getText()).contains("已确认");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("station-mine-phone");

        // The public page (what the station's QR code opens) shows the next reception and who receives.
        browser = b.open(true).driver();
        b.go("/public/stations/" + s.publicCode());
        WebElement next = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".public-day")));
        assertThat(next.getText()).contains(year + "年1月", "赵大山");
        assertThat(browser.findElement(By.id("public-opinion")).getAttribute("href")).contains("/public/opinions/new?org=QH-AL");
        b.screenshot("station-public-phone");

        // The clerk records today's reception with a matter and turns it into a case sponsored by 赵大山.
        browser = b.signIn("anlan.staff", false).driver();
        b.go("/stations/" + s.id() + "/records/new");
        browser.findElements(By.cssSelector("input[name=deputyIds]")).forEach(b::click);
        b.click(browser.findElement(By.id("rec-anon")));
        browser.findElement(By.id("rec-summary")).sendKeys("群众来站反映饮水问题。");
        browser.findElement(By.id("item-content-0")).sendKeys("浏览器测试：东湖村三组自来水压力不足");
        b.screenshot("station-record-new");
        b.click(browser.findElement(By.id("record-save")));
        b.success("记录已保存");
        new Select(browser.findElement(By.name("sponsorDeputyId"))).selectByVisibleText("赵大山（领衔）");
        b.click(browser.findElement(By.cssSelector("button.to-case")));
        String receipt = b.success("已转为办理件").replaceAll(".*回执码\\s*", "").strip();
        b.screenshot("station-record");
        assertThat(jdbc.sql("select count(*) from case_item c join deputy d on d.id = c.sponsor_deputy_id"
                        + " where c.receipt_code = ? and d.name = '赵大山' and c.source = 'RECEPTION'")
                .param(receipt).query(Long.class).single()).isEqualTo(1);
        b.go("/stations/" + s.id());
        assertThat(browser.findElement(By.id("station-figures")).getText()).contains("1");
        b.screenshot("station-detail");
    }
}
