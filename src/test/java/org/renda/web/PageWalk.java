package org.renda.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditCodes;
import org.renda.identity.Logins;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Walks Renda's pages as a user clicks through them: from the given pages, every link to another page of Renda,
 * one page of each shape ({@code /cases/#}); hands each page to a visitor and collects the links to files
 * (downloads). Also what counts as a code on a screen or in a file ({@link #codesIn(String)}).
 */
public final class PageWalk {

    /** Links to files rather than pages. */
    static final Pattern DOWNLOAD = Pattern.compile(
            "\\.(xlsx|pdf|docx|csv|json)(\\?|$)|/(export|import/template)(\\?|$)");
    /** Links that are not pages to read: sign-out, language switches, images, the API, assets. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(logout|api/|v3/|swagger|actuator|webjars/|css/|js/)|\\.(png|jpe?g|svg|txt)(\\?|$)|[?&]lang="
                    + "|/(photo|qr|attachments)(/|\\?|$)|/attachments/");
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"#]+)\"", Pattern.CASE_INSENSITIVE);

    private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?\\}");
    private static final Pattern SNAKE_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern CAPS_WORD = Pattern.compile("\\b[A-Z]{3,}\\b");
    private static final Pattern LOWER_SNAKE = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");
    /** A message key printed as is (a missing key given as its own default): two dots at least, our prefixes. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("(?<![\\w/@.:-])(?:app|deputy|duty|case|station|"
            + "appraisal|vote|assessment|audit|org|user|calendar|deadline|rectification|notification|roster|hotline|"
            + "home|nav|common|error|login|account|token|grid|commitment|reception)(?:\\.[A-Za-z0-9_]+){2,}(?![\\w/-])");

    /** Every constant of every enum of the application and every audit action: a code, never a word for people. */
    static final Set<String> CODES = codes();

    private final MockMvc mvc;
    private final UserDetailsService accounts;
    final Set<String> downloads = new LinkedHashSet<>();

    PageWalk(MockMvc mvc, UserDetailsService accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    /** Walks at most {@code max} pages as {@code username} (null: signed out); returns how many it read. */
    int walk(@Nullable String username, Iterable<String> starts, int max, BiConsumer<String, String> page)
            throws Exception {
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        starts.forEach(s -> {
            if (seen.add(s)) {
                queue.add(s);
            }
        });
        Map<String, Integer> shapes = new HashMap<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < max) {
            String path = queue.poll();
            String shape = path.replaceAll("\\d+", "#").replaceAll("=[^&]*", "=");
            if (shapes.merge(shape, 1, Integer::sum) > 1) {
                continue;
            }
            MockHttpServletResponse res = mvc.perform(as(get(URI.create(path)), username)).andReturn().getResponse();
            String type = res.getContentType();
            if (res.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            visited++;
            String html = res.getContentAsString(StandardCharsets.UTF_8);
            page.accept(path, html);
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                String link = HtmlUtils.htmlUnescape(m.group(1));
                if (!link.startsWith("/") || link.startsWith("//") || NOT_A_PAGE.matcher(link).find()) {
                    continue;
                }
                if (DOWNLOAD.matcher(link).find()) {
                    downloads.add(link);
                } else if (seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return visited;
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder req, @Nullable String username) {
        return username == null ? req : req.with(Logins.as(accounts, username));
    }

    /** The codes in a page's HTML as people see it: its text and its title, placeholder, aria-label, alt. */
    public static Set<String> codesInHtml(String html) {
        String body = html.replaceAll("(?is)<pre class=\"audit-json[^\"]*\"[^>]*>.*?</pre>", " ")
                .replaceAll("(?is)<(script|style|template)\\b.*?</\\1>", " ")
                .replaceAll("(?is)<(div|span)\\b[^>]*\\bhidden\\b[^>]*>.*?</\\1>", " ");
        StringBuilder visible = new StringBuilder();
        Matcher attrs = Pattern.compile("\\b(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"",
                Pattern.CASE_INSENSITIVE).matcher(body);
        while (attrs.find()) {
            visible.append(' ').append(attrs.group(1));
        }
        visible.append(' ').append(body.replaceAll("(?s)<[^>]*>", " "));
        return codesIn(HtmlUtils.htmlUnescape(visible.toString()));
    }

    /**
     * Codes in text people read: unresolved message keys ({@code ??x??} or the key itself), unfilled placeholders,
     * enum and audit codes.
     */
    static Set<String> codesIn(String text) {
        Set<String> found = new TreeSet<>();
        add(found, UNRESOLVED.matcher(text), null);
        add(found, PLACEHOLDER.matcher(text), null);
        add(found, SNAKE_CODE.matcher(text), null);
        add(found, CAPS_WORD.matcher(text), CODES);
        add(found, LOWER_SNAKE.matcher(text), Set.copyOf(AuditCodes.TYPES));
        add(found, MESSAGE_KEY.matcher(text), null);
        return found;
    }

    private static void add(Set<String> found, Matcher m, @Nullable Set<String> only) {
        while (m.find()) {
            if (only == null || only.contains(m.group())) {
                found.add(m.group());
            }
        }
    }

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>(AuditCodes.ACTIONS);
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.renda")) {
            if (c.isEnum()) {
                c.getEnumConstants().forEach(e -> codes.add(e.name()));
            }
        }
        codes.removeIf(s -> s.length() < 3);
        // names of file formats are words a clerk reads on a Chinese screen too (下载 PDF), even where an enum has them
        codes.removeAll(Set.of("PDF", "JSON", "DOCX", "XLSX", "CSV", "API"));
        return codes;
    }
}
