package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clerk finds the town's key project from the menu and reads its group, rhythm and findings; a deputy of the
 * project's group reads the same page on a phone without sideways scrolling; nothing is refused by the Content-Security-Policy.
 */
@RendaIntegrationTest
@Tag("browser")
class SupervisionBrowserTest {

    @LocalServerPort int port;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void theClerkOpensTheProjectFromTheMenuAndSeesItsFiguresGroupAndFindings() {
        b = new BrowserSession(port).signIn("anlan.staff", false);
        b.click(b.driver().findElement(By.xpath("//summary[text()='监督评议']")));
        b.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("监督工作")));
        b.click(b.driver().findElement(By.linkText("监督工作")));
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("subjects")));
        b.click(b.driver().findElement(By.linkText("城市路网水系工程（安澜段）")));
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
        assertThat(b.driver().findElement(By.id("fig-found")).getText()).isEqualTo("6");
        assertThat(b.driver().findElement(By.id("fig-rectified")).getText()).isEqualTo("4");
        assertThat(b.driver().findElement(By.id("group-leader")).getText()).isEqualTo("赵大山");
        assertThat(b.driver().findElements(By.cssSelector("#activity-list tbody tr"))).hasSize(19);
        assertThat(b.driver().findElements(By.cssSelector("#findings form[action*='/accept']")))
                .as("the item the bureau reported waits for acceptance").hasSize(1);
        assertThat(b.cspViolations()).isEmpty();
        b.screenshot("supervision-subject-desktop");
    }

    @Test
    void aDeputyOfTheGroupReadsTheProjectOnAPhone() {
        b = new BrowserSession(port).signIn("deputy.zhao", true);
        b.click(b.driver().findElement(By.cssSelector(".navbar-toggler")));
        b.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//summary[text()='监督评议']")));
        b.click(b.driver().findElement(By.xpath("//summary[text()='监督评议']")));
        b.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("监督工作")));
        b.click(b.driver().findElement(By.linkText("监督工作")));
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("subjects")));
        b.click(b.driver().findElement(By.linkText("城市路网水系工程（安澜段）")));
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
        assertThat(b.driver().findElement(By.id("fig-found")).getText()).isEqualTo("6");
        assertThat(b.driver().findElements(By.cssSelector("form[action*='/group']"))).as("a deputy reads only").isEmpty();
        assertThat(b.overflow()).isLessThanOrEqualTo(0);
        assertThat(b.cspViolations()).isEmpty();
        b.screenshot("supervision-subject-phone");
    }
}
