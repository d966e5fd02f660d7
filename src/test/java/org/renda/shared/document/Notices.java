package org.renda.shared.document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages without Spring, and the variables of a real notice. */
final class Notices {

    private Notices() {}

    static DocumentTemplates templates() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new DocumentTemplates(messages);
    }

    /** Every text of a document, one per line. */
    static String text(Document doc) {
        StringBuilder s = new StringBuilder(doc.title()).append('\n');
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Title t) {
                s.append(t.text());
            } else if (b instanceof Block.Subtitle t) {
                s.append(t.text());
            } else if (b instanceof Block.Heading h) {
                s.append(h.text());
            } else if (b instanceof Block.Paragraph p) {
                s.append(p.lead()).append(p.text());
            } else if (b instanceof Block.Items i) {
                s.append(String.join("\n", i.items()));
            } else if (b instanceof Block.Table t) {
                s.append(String.join("\n", t.header()));
                t.rows().forEach(r -> s.append('\n').append(String.join("\n", r)));
            } else if (b instanceof Block.Signature g) {
                s.append(String.join("\n", g.lines()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    static Map<String, Object> notice() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("meeting", "安澜镇第十九届人民代表大会第三次会议");
        v.put("addressees", "各位代表");
        v.put("time", "2026年12月18日上午9时");
        v.put("place", "安澜镇人民政府三楼会议室");
        v.put("agenda", List.of("听取和审议安澜镇人民政府工作报告", "审查和批准2027年财政预算",
                "# 假标题：议程里的井号只是文字"));
        v.put("confirmBy", LocalDate.of(2026, 12, 15));
        v.put("confirmTo", "镇人大主席团办公室");
        v.put("organiser", "安澜镇人大主席团");
        v.put("date", LocalDate.of(2026, 12, 5));
        return v;
    }
}
