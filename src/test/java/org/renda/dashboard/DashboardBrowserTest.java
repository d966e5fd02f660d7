package org.renda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.renda.support.Browser;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county director opens the dashboard: the charts are drawn (ECharts canvases from the WebJar, under the
 * page's CSP), and a click on a town's bar opens the cases behind it. On a 390-px phone nothing is wider than
 * the screen.
 */
@RendaIntegrationTest
@Tag("browser")
class DashboardBrowserTest {

    @LocalServerPort int port;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    private List<WebElement> canvases() {
        b.waiting().until(d -> d.findElements(By.cssSelector(".renda-chart canvas")).size() >= 4);
        return b.driver().findElements(By.cssSelector(".renda-chart canvas"));
    }

    @Test
    void theDirectorsDashboardDrawsChartsAndAClickOnATownOpensItsCases() throws Exception {
        b = new BrowserSession(port, Duration.ofSeconds(20)).signIn("county.director", false);
        b.driver().findElement(By.cssSelector("a.nav-link[href='/dashboard']")).click();
        b.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        assertThat(canvases()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("工作看板");
        assertThat(b.cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
        // the whole page for a person to look at, then back to a desktop window's height
        b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
        Thread.sleep(800);
        Browser.screenshot(b.driver(), "dashboard-director");
        b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        Thread.sleep(800);
        String shots = System.getProperty("renda.test.shots");
        if (shots != null) {
            Files.createDirectories(Path.of(shots));
            Files.copy(Path.of("target", "screenshots", "dashboard-director.png"),
                    Path.of(shots, "director-dashboard.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        // the first chart is the cases by town (horizontal bars): click in 安澜镇's row
        WebElement chart = b.driver().findElement(By.id("chart-0"));
        ((JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) ((JavascriptExecutor) b.driver()).executeScript("""
                var el = arguments[0], c = echarts.getInstanceByDom(el);
                var spec = JSON.parse(el.getAttribute('data-renda-chart'));
                var i = spec.categories.indexOf('安澜镇');
                var p = c.convertToPixel({seriesIndex: 0}, [0, i]);
                return [p[0] + 4, p[1], i];""", chart);
        assertThat(point.get(2).intValue()).as("安澜镇 has a bar").isGreaterThanOrEqualTo(0);
        int x = point.get(0).intValue() - chart.getSize().getWidth() / 2;
        int y = point.get(1).intValue() - chart.getSize().getHeight() / 2;
        new Actions(b.driver()).moveToElement(chart, x, y).click().perform();
        b.waiting().until(ExpectedConditions.urlContains("/dashboard/records"));
        assertThat(b.driver().getCurrentUrl()).contains("kind=CASES").contains("measure=");
        assertThat(b.driver().findElement(By.id("records-scope")).getText()).contains("安澜镇");
        Browser.screenshot(b.driver(), "dashboard-records");
    }

    @Test
    void onAPhoneTheDashboardFitsTheScreen() {
        b = new BrowserSession(port, Duration.ofSeconds(20)).signIn("anlan.chair", true);
        b.go("/dashboard");
        assertThat(canvases()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(b.overflow()).as("sideways scroll on a 390-px phone").isZero();
        assertThat(b.cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
        Browser.screenshot(b.driver(), "dashboard-phone");
    }
}
