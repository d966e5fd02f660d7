package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renda.support.BrowserSession;
import org.renda.support.RendaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages under the Content-Security-Policy (script-src 'self', no inline script): each main page loads with
 * nothing refused in the browser's console, its scripts still work (htmx, the filter that submits on change,
 * the menu), and Swagger UI still renders the API.
 */
@RendaIntegrationTest
@Tag("browser")
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort int port;

    private BrowserSession b;

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
    }

    private void settle() {
        b.waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                && Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return !window.htmx || document.querySelectorAll('.htmx-request').length === 0")));
    }

    @Test
    void theMainPagesRunWithoutAnyContentSecurityPolicyViolation() {
        b = new BrowserSession(port);
        List<String> refused = new ArrayList<>();
        b.open(false).go("/login");
        settle();
        refused.addAll(b.cspViolations());
        for (String path : new String[] {"/public/opinions/new", "/public/appraisals", "/public/stations"}) {
            b.go(path);
            settle();
            refused.addAll(b.cspViolations().stream().map(m -> path + ": " + m).toList());
        }

        b.signIn("admin", false);
        for (String path : new String[] {"/", "/orgs", "/deputies", "/cases", "/stations", "/appraisals",
            "/assessments", "/calendar", "/users", "/account", "/audit", "/inbox"}) {
            b.go(path);
            settle();
            refused.addAll(b.cspViolations().stream().map(m -> path + ": " + m).toList());
        }

        // The filter select submits its form on change: a script of ours, no longer an onchange attribute.
        b.go("/cases");
        Select category = new Select(b.driver().findElement(By.name("category")));
        String first = category.getOptions().get(1).getAttribute("value");
        category.selectByIndex(1);
        b.waiting().until(ExpectedConditions.urlContains("category="));
        assertThat(new Select(b.driver().findElement(By.name("category"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(first);

        // htmx still loads the organisation tree's children under the policy.
        b.go("/orgs");
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//summary[a[normalize-space()='江南省']]"))).findElement(By.cssSelector(".badge")).click();
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("云溪市")));

        b.go("/swagger-ui.html"); // the first look at the API builds its description: slow on a busy machine
        new WebDriverWait(b.driver(), Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info")));
        refused.addAll(b.cspViolations().stream().map(m -> "swagger-ui: " + m).toList());

        assertThat(refused).as("refused by the Content-Security-Policy").isEmpty();
    }
}
