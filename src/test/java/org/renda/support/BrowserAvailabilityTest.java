package org.renda.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.renda.support.BrowserAvailability.Decision;
import org.renda.support.BrowserAvailability.Verdict;

/**
 * On a developer's bare machine the browser tests are skipped and say so loudly; in CI a missing browser is an error,
 * never a quiet skip; where Chromium and chromedriver are installed they run.
 */
class BrowserAvailabilityTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    @Test
    void theBrowserTestsRunWhereChromiumAndChromedriverAreInstalledInCiOrNot() {
        assertThat(BrowserAvailability.decide(CHROMIUM, true, DRIVER, true, null).verdict()).isEqualTo(Verdict.RUN);
        assertThat(BrowserAvailability.decide(CHROMIUM, true, DRIVER, true, "true").verdict()).isEqualTo(Verdict.RUN);
    }

    @Test
    void outsideCiAMissingChromiumSkipsThemWithAMessageInChineseAndEnglishThatSaysWhatToInstall() {
        Decision d = BrowserAvailability.decide(CHROMIUM, false, DRIVER, true, null);
        assertThat(d.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(d.message()).startsWith("浏览器测试已跳过 / browser tests SKIPPED: chromium not found")
                .contains(CHROMIUM, "apt-get install chromium chromium-driver", "CI=true makes them required");

        assertThat(BrowserAvailability.decide(CHROMIUM, true, DRIVER, false, "").message())
                .contains("chromedriver not found");
        assertThat(BrowserAvailability.decide(CHROMIUM, false, DRIVER, false, "false").message())
                .contains("chromium and chromedriver not found");
    }

    @Test
    void inCiAMissingBrowserFailsTheTestsInsteadOfSkippingThem() {
        Decision d = BrowserAvailability.decide(CHROMIUM, false, DRIVER, false, "true");
        assertThat(d.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(d.message()).contains("REQUIRED in CI", "chromium and chromedriver not found",
                "apt-get install chromium chromium-driver");
        assertThat(BrowserAvailability.decide(CHROMIUM, true, DRIVER, false, "1").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ciCountsWhenSetToAnythingButEmptyFalseOrZero() {
        assertThat(BrowserAvailability.ci("true")).isTrue();
        assertThat(BrowserAvailability.ci("TRUE")).isTrue();
        assertThat(BrowserAvailability.ci("1")).isTrue();
        assertThat(BrowserAvailability.ci("yes")).isTrue();
        assertThat(BrowserAvailability.ci(null)).isFalse();
        assertThat(BrowserAvailability.ci("")).isFalse();
        assertThat(BrowserAvailability.ci(" false ")).isFalse();
        assertThat(BrowserAvailability.ci("0")).isFalse();
    }
}
