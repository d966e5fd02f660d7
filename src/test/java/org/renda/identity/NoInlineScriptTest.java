package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy runs scripts from our files only (script-src 'self'): a template with an inline
 * script, an on* handler or a javascript: link would break silently in the browser. This finds them first.
 */
class NoInlineScriptTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile(
            "\\s(?:th:|data-th-)?on[a-z]+\\s*=|\\shx-on[:\\-]|javascript:|th:attr=\"[^\"]*\\bon[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(TEMPLATES)) {
            files = all.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher script = SCRIPT.matcher(line);
                while (script.find()) {
                    if (!script.group(1).matches("(?s).*\\b(th:)?src\\s*=.*")) {
                        found.add(TEMPLATES.relativize(file) + ":" + (i + 1) + " inline <script>");
                    }
                }
                Matcher handler = HANDLER.matcher(line);
                if (handler.find()) {
                    found.add(TEMPLATES.relativize(file) + ":" + (i + 1) + " " + handler.group().strip());
                }
            }
        }
        assertThat(found).as("inline scripts and handlers (move them to static/js, wire with data-* attributes)")
                .isEmpty();
    }

    @Test
    void theScanWouldCatchEachKind() {
        assertThat(SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(HANDLER.matcher("<select onchange=\"this.form.submit()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<button th:onclick=\"x()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<div hx-on:click=\"x()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<a href=\"javascript:void(0)\">").find()).isTrue();
        assertThat(HANDLER.matcher("<form data-renda-confirm=\"ok\" th:attr=\"data-renda-confirm=#{x}\">").find())
                .isFalse();
    }
}
