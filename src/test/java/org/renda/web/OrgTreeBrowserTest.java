package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A clerk's first minutes, in a real browser: sign in, add a village under a town, find it in the tree. */
@RendaIntegrationTest
@Tag("browser")
class OrgTreeBrowserTest {

    @LocalServerPort int port;

    private BrowserSession b;

    @BeforeEach
    void open() {
        b = new BrowserSession(port);
    }

    @AfterEach
    void close() {
        b.close();
    }

    /** Opens a branch of the tree by clicking its row (not its link) and waits for htmx to load it. */
    private void expand(String name) {
        WebElement summary = b.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//summary[a[normalize-space()='" + name + "']]")));
        summary.findElement(By.cssSelector(".badge")).click();
        b.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//summary[a[normalize-space()='" + name + "']]/following-sibling::div/span[contains(@class,'text-muted')]")));
    }

    @Test
    void staffCreateAVillageUnderATownAndFindItInTheTree() {
        WebDriver browser = b.signIn("admin", false).driver();
        WebDriverWait wait = b.waiting();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("系统管理员，您好");
        b.screenshot("home-admin");

        b.go("/orgs");
        browser.findElement(By.id("org-search")).sendKeys("安澜镇");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("安澜镇"))).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "安澜镇"));

        String code = "QH-AL-V" + (System.nanoTime() % 90_000 + 10_000);
        browser.findElement(By.id("child-name")).sendKeys("映山红村");
        browser.findElement(By.id("child-code")).sendKeys(code);
        new Select(browser.findElement(By.id("child-type"))).selectByVisibleText("村");
        browser.findElement(By.cssSelector("#add-child button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "映山红村"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已新增“映山红村”");
        assertThat(browser.findElement(By.cssSelector(".breadcrumb")).getText()).contains("清河县", "安澜镇");

        b.go("/orgs");
        expand("江南省");
        expand("云溪市");
        expand("清河县");
        expand("安澜镇");
        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("映山红村")));
        assertThat(created.getAttribute("href")).matches(".*/orgs/\\d+");
        b.screenshot("org-tree");
    }

    @Test
    void aPhoneSizedScreenShowsTheSignInFormAndTheDashboardInChinese() {
        b.open(true).go("/login");
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("登录人大工作平台");
        b.screenshot("login-phone");
        WebDriver browser = b.signIn("anlan.staff", true).driver();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("您好");
        assertThat(b.overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        b.screenshot("home-phone");
    }
}
