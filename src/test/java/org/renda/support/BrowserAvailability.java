package org.renda.support;

import java.io.File;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether the browser tests (tag "browser") can run here: Chromium and chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code -Drenda.test.chromium=…} / {@code -Drenda.test.chromedriver=…} name others). On a
 * machine without them the browser tests are skipped with a loud warning, so {@code mvn verify} still passes on a
 * bare machine; in CI ({@code CI=true}, which .ci/run exports) they are required and fail with what to install.
 *
 * <p>Registered on {@link RendaIntegrationTest}: a skipped browser test class does not even start its application.
 */
public final class BrowserAvailability implements ExecutionCondition {

    public static final String SKIPPED = "浏览器测试已跳过 / browser tests SKIPPED";

    public enum Verdict { RUN, SKIP, FAIL }

    public record Decision(Verdict verdict, String message) {}

    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static volatile Decision current;

    /**
     * The decision, from what is installed and the {@code CI} environment variable: run when both programs are
     * there; otherwise skip outside CI, fail in CI.
     */
    public static Decision decide(String chromium, boolean chromiumFound, String driver, boolean driverFound,
            String ciVariable) {
        if (chromiumFound && driverFound) {
            return new Decision(Verdict.RUN, "Chromium " + chromium + ", chromedriver " + driver);
        }
        String missing = !chromiumFound && !driverFound ? "chromium and chromedriver not found"
                : !chromiumFound ? "chromium not found" : "chromedriver not found";
        String where = "(looked for " + chromium + " and " + driver + ": apt-get install chromium chromium-driver, "
                + "or -Drenda.test.chromium=… -Drenda.test.chromedriver=…)";
        if (ci(ciVariable)) {
            return new Decision(Verdict.FAIL, "浏览器测试在持续集成中必须运行 / browser tests are REQUIRED in CI (CI="
                    + ciVariable + "): " + missing + " " + where);
        }
        return new Decision(Verdict.SKIP, SKIPPED + ": " + missing + " " + where
                + "; CI=true makes them required");
    }

    /** Whether {@code CI} says this is a CI run: set and not empty, "false" or "0" (GitHub, GitLab, .ci/run). */
    public static boolean ci(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return !v.equals("false") && !v.equals("0") && !v.equals("no");
    }

    /** The decision on this machine, made once. */
    public static Decision current() {
        Decision d = current;
        if (d == null) {
            String chromium = Browser.CHROMIUM;
            String driver = Browser.DRIVER;
            d = decide(chromium, new File(chromium).canExecute(), driver, new File(driver).canExecute(),
                    System.getenv("CI"));
            current = d;
        }
        return d;
    }

    /** For {@link Browser#open}: returns when the browser can run, aborts the test (skipped) or fails it. */
    public static void require() {
        Decision d = current();
        switch (d.verdict()) {
            case RUN -> { }
            case SKIP -> {
                warnOnce(d);
                Assumptions.abort(d.message());
            }
            case FAIL -> throw new IllegalStateException(d.message());
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!context.getTags().contains("browser")) {
            return ConditionEvaluationResult.enabled("not a browser test");
        }
        Decision d = current();
        return switch (d.verdict()) {
            case RUN -> ConditionEvaluationResult.enabled(d.message());
            case SKIP -> {
                warnOnce(d);
                yield ConditionEvaluationResult.disabled(d.message());
            }
            case FAIL -> throw new IllegalStateException(d.message());
        };
    }

    private static void warnOnce(Decision d) {
        if (WARNED.compareAndSet(false, true)) {
            String bar = "!".repeat(100);
            System.err.println(bar);
            System.err.println("!!! " + d.message());
            System.err.println("!!! Every test tagged \"browser\" is reported as skipped on this machine.");
            System.err.println(bar);
        }
    }
}
