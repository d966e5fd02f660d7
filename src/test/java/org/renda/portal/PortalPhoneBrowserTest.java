package org.renda.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.renda.assessment.AssessmentDesk;
import org.renda.assessment.SchemeBook;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of a congress's public site on a 390-px phone: nothing scrolls sideways, the figures stay on one line
 * each, and a Chinese page carries no English word. Full-page screenshots go to target/screenshots for a person.
 */
@RendaIntegrationTest
@Tag("browser")
class PortalPhoneBrowserTest {

    /** Words that may stand on a Chinese page: the file formats offered for download. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(?!CSV\\b|JSON\\b|Excel\\b)[A-Za-z]{3,}\\b");

    @LocalServerPort int port;
    @Autowired SchemeBook schemes;
    @Autowired AssessmentDesk desk;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree orgs;

    private BrowserSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void everyPortalPageFitsAPhoneWithoutSidewaysScrolling() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        long period = PortalFixtures.finalPeriod(schemes, desk, jdbc, town, "手机门户" + System.nanoTime() % 100_000);
        SystemContext.run(() -> desk.publishOnPortal(period, true));

        List<String> pages = new ArrayList<>(List.of("/"));
        for (String p : PortalPagesTest.PAGES) {
            pages.add("/public/c/QH-AL" + p);
        }
        pages.add("/public/c/QH-AL/assessments/" + period);
        pages.add("/public/c/QH");
        pages.add("/public/c/QH/deputies");
        pages.add("/public/c/QH/stations");
        pages.add("/public/c/QH-CG");

        session = new BrowserSession(port, Duration.ofSeconds(20)).open(true);
        WebDriver phone = session.driver();
        JavascriptExecutor js = (JavascriptExecutor) phone;
        for (String path : pages) {
            session.go(path);
            session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main section")));
            long inner = ((Number) js.executeScript("return window.innerWidth;")).longValue();
            long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertThat(inner).as(path + ": a phone's width").isLessThanOrEqualTo(420);
            assertThat(scroll).as(path + ": no sideways scrolling").isLessThanOrEqualTo(inner);
            for (WebElement n : phone.findElements(By.cssSelector(".figure .n"))) {
                long height = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().height;", n))
                        .longValue();
                assertThat(height).as(path + ": figure " + n.getText() + " on one line").isLessThan(45);
            }
            String text = phone.findElement(By.tagName("main")).getText();
            assertThat(ENGLISH.matcher(text).results().map(MatchResult::group).toList())
                    .as(path + ": English on a Chinese page").isEmpty();
            assertThat(text).as(path).doesNotContain("{0}", "??");
            fullPage(phone, "portal-phone" + path.replace('/', '-').replaceAll("-+$", ""));
        }
        session.go("/public/c/QH-AL");
        assertThat(phone.findElements(By.cssSelector("#figures .figure"))).hasSize(8);
        session.click(phone.findElement(By.id("figure-sessions")));
        session.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("portal-meetings")));
        assertThat(phone.findElements(By.cssSelector(".portal-resolution"))).as("the demo session's resolution")
                .anyMatch(r -> r.getText().contains("赞成 35"));
    }

    /** The whole page, not only the screen's height, as a phone would show it scrolled down. */
    private static void fullPage(WebDriver driver, String name) throws Exception {
        Map<String, Object> shot = ((HasCdp) driver).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
