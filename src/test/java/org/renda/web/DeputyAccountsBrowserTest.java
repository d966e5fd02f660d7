package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.MandateStatus;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The town clerk opens "accounts for deputies" from the register on a phone, picks the town, ticks every deputy
 * without an account, confirms, and is offered the slips; the deputies now have accounts linked to their files.
 */
@RendaIntegrationTest
@Tag("browser")
class DeputyAccountsBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree orgs;
    @Autowired DeputyRegister register;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aClerkCreatesAccountsForEveryDeputyOfAVillageFromTheRegister() {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        long village = orgs.findByCode("QH-AL-V06").orElseThrow().id();
        String name = "浏览器代表" + System.nanoTime() % 1000;
        long deputy = SystemContext.call(() -> register.register(new DeputyRegister.NewDeputy(village,
                new DeputyRegister.PersonForm(name, "女", null, null, null, null, null, null, null, null, null),
                new DeputyRegister.SeatForm(town, DeputyLevel.TOWN, 18, 2021, 2026, null, null, null, null,
                        MandateStatus.ELECTED, LocalDate.of(2021, 12, 28), null)))).id();

        b = new BrowserSession(port).signIn("anlan.staff", true);
        WebDriver browser = b.driver();
        b.go("/deputies");
        b.click(browser.findElement(By.id("accounts-link")));
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("orgId")));
        Select org = new Select(browser.findElement(By.id("orgId")));
        org.getOptions().stream().filter(o -> o.getAttribute("value").equals(String.valueOf(village))).findFirst()
                .orElseThrow();
        org.selectByValue(String.valueOf(village)); // submits itself (data-renda-autosubmit)
        b.waiting().until(ExpectedConditions.urlContains("orgId=" + village));
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pick-" + deputy)));
        int candidates = browser.findElements(By.cssSelector(".deputy-pick")).size();
        b.click(browser.findElement(By.cssSelector("[data-renda-check-all]")));
        assertThat(browser.findElements(By.cssSelector(".deputy-pick:checked"))).hasSize(candidates);
        b.screenshot("deputy-accounts-phone");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);

        b.click(browser.findElement(By.id("accounts-create")));
        b.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        String done = b.success("名代表开通账户");
        assertThat(done).contains(String.valueOf(candidates));
        assertThat(browser.findElement(By.id("slips-link")).getAttribute("href")).contains("/users/slips/");
        assertThat(browser.findElement(By.id("issued-accounts")).getText()).contains(name, "d" + deputy);
        assertThat(b.cspViolations()).isEmpty();
        b.screenshot("deputy-accounts-created-phone");

        assertThat(jdbc.sql("select u.username from deputy d join app_user u on u.id = d.user_id where d.id = ?")
                .param(deputy).query(String.class).single()).isEqualTo("d" + deputy);
    }
}
