package org.renda.shared.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.renda.shared.document.Block.Title;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Documents from templates: {@code src/main/resources/templates/documents/<name>.txt}, a Thymeleaf template in
 * TEXT mode whose output is a small line markup.
 *
 * <pre>
 * # 关于召开…的通知          title, centred (adjacent # lines: one title on several lines)
 * &gt; （2026年12月5日）         subtitle under the title, centred
 * ## 一、会议议程             heading (黑体)
 * ### （一）审议事项          second-level heading (楷体)
 * &#64; 各村（社区）：           a paragraph flush left: the addressees (主送机关)
 * **一、会议时间。**2026年…   a paragraph with a lead-in set in the heading face
 * any other line             a paragraph, indented two characters; adjacent lines join, a blank line ends it
 * - item                     bulleted list
 * 1. item                    numbered list (numbered 1, 2, 3 … whatever numbers are written)
 * | 序号 | 事项 |             table row; the first row is the header
 * |--|--------|              optional, right after the header: relative column widths by the dashes
 * ~ 安澜镇人大主席团          signature lines: centred on each other, right-aligned (署名, 成文日期)
 * ---page---                 page break
 * </pre>
 *
 * Items of one list and rows of one table may have blank lines between them (a loop leaves them); any other
 * line ends them. Markup counts only in the template's own text: whatever an expression prints — {@code [(${x})]},
 * {@code [[${x}]]} (the same here, neither escapes) or a message {@code [(#{key})]} — is always text, so a value
 * "# 假标题" stays a paragraph, a "|" in a value stays in its cell, and a value's line breaks start new plain
 * paragraphs (line breaks inside a title, heading, cell or signature). To print a literal mark, print it as an
 * expression: {@code [('# 不是标题')]}. Rendering fails on a null value (write {@code ${x ?: ''}} where one may be
 * missing), on a missing message key and on a message left with a {@code {0}}.
 *
 * <pre>{@code
 * Document doc = templates.render("notice", Map.of("title", "…", "agenda", List.of("…")), Locale.SIMPLIFIED_CHINESE);
 * return Downloads.docx(DocxWriter.write(doc), doc.title() + ".docx");
 * }</pre>
 */
@Component
public class DocumentTemplates {

    private final SpringTemplateEngine engine;

    /** Over the application's messages; a unit test may hand it any {@code MessageSource} (no Spring needed). */
    public DocumentTemplates(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/documents/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new DocumentValues.Messages(messages));
        engine.addDialect(new DocumentValues.Dialect());
    }

    /**
     * The document {@code templates/documents/<name>.txt} makes with these variables, its messages in this
     * language. The document's title is its first {@code #} title (or {@code name} without one).
     */
    public Document render(String name, Map<String, ?> variables, Locale locale) {
        Context context = new Context(locale);
        variables.forEach(context::setVariable);
        List<Block> blocks = Markup.parse(engine.process(name, context));
        return new Document(titleOf(blocks, name), blocks);
    }

    /** {@link #render(String, Map, Locale)} in Chinese, the language documents are issued in. */
    public Document render(String name, Map<String, ?> variables) {
        return render(name, variables, Locale.SIMPLIFIED_CHINESE);
    }

    private static String titleOf(List<Block> blocks, String fallback) {
        for (Block b : blocks) {
            if (b instanceof Title t) {
                return t.text().replace("\n", "");
            }
        }
        return fallback;
    }
}
