package org.renda.shared.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renda.shared.document.Block.Heading;
import org.renda.shared.document.Block.Items;
import org.renda.shared.document.Block.PageBreak;
import org.renda.shared.document.Block.Paragraph;
import org.renda.shared.document.Block.Signature;
import org.renda.shared.document.Block.Subtitle;
import org.renda.shared.document.Block.Table;
import org.renda.shared.document.Block.Title;

class DocumentTemplatesTest {

    private final DocumentTemplates templates = Notices.templates();

    @Test
    void theNoticeReadsAsANoticeInChinese() {
        Document doc = templates.render("notice", Notices.notice());

        assertThat(doc.title()).isEqualTo("关于召开安澜镇第十九届人民代表大会第三次会议的通知");
        assertThat(doc.blocks()).containsExactly(
                new Title("关于召开安澜镇第十九届人民代表大会第三次会议的通知"),
                new Paragraph("", "各位代表：", false),
                Paragraph.of("经研究，定于召开安澜镇第十九届人民代表大会第三次会议。现将有关事项通知如下："),
                new Paragraph("一、会议时间：", "2026年12月18日上午9时", true),
                new Paragraph("二、会议地点：", "安澜镇人民政府三楼会议室", true),
                new Heading(1, "三、会议议程"),
                new Items(true, List.of("听取和审议安澜镇人民政府工作报告", "审查和批准2027年财政预算",
                        "# 假标题：议程里的井号只是文字")),
                new Heading(1, "四、有关要求"),
                Paragraph.of("请于2026年12月15日前向镇人大主席团办公室确认是否出席。因故不能出席的，请书面请假。"),
                Paragraph.of("附件：参会回执"),
                new Signature(List.of("安澜镇人大主席团", "2026年12月5日")),
                new PageBreak(),
                new Paragraph("", "附件", false),
                new Title("参会回执"),
                new Subtitle("安澜镇第十九届人民代表大会第三次会议"),
                new Table(List.of("姓名", "工作单位及职务", "联系电话", "是否出席"),
                        List.of(List.of("", "", "", ""), List.of("", "", "", ""), List.of("", "", "", ""),
                                List.of("", "", "", ""), List.of("", "", "", ""), List.of("", "", "", "")),
                        List.of(4f, 8f, 6f, 4f)));
    }

    @Test
    void valuesCannotInjectMarkupWhateverTheyHold() {
        Document doc = templates.render("test-values", Map.of(
                "title", "真标题\n# 假标题",
                "text", "# 假标题\n## 假小标题\n---page---\n~ 假署名",
                "item", "| 假 | 表 |",
                "a", "x | y",
                "b", "[(${title})] &amp; <b>",
                "sign", "镇人大主席团\n- 2026年"));

        assertThat(doc.blocks()).containsExactly(
                new Title("真标题\n# 假标题"),
                Paragraph.of("# 假标题"), Paragraph.of("## 假小标题"), Paragraph.of("---page---"), Paragraph.of("~ 假署名"),
                new Items(false, List.of("| 假 | 表 |")),
                new Table(List.of("x | y", "[(${title})] &amp; <b>"), List.of(List.of("1", "[(${title})] &amp; <b>")),
                        List.of()),
                new Signature(List.of("镇人大主席团", "- 2026年")));
    }

    @Test
    void theEscapedFormsPrintTheSameTextUnescaped() {
        assertThat(templates.render("test-escaped", Map.of("text", "# 假 & <b>")).blocks())
                .containsExactly(Paragraph.of("# 假 & <b>"), Paragraph.of("# 假 & <b>"));
    }

    @Test
    void nothingOfTheTemplateMachineryIsLeftInTheText() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String text = Notices.text(templates.render("notice", Notices.notice(), locale));

            assertThat(text).doesNotContain("[(", "[[", "${", "#{", "??", "{0}", "{1}", "\uE000", "\uE001", "/*");
        }
        assertThat(templates.render("notice", Notices.notice(), Locale.ENGLISH).title())
                .isEqualTo("Notice of the 安澜镇第十九届人民代表大会第三次会议");
    }

    @Test
    void aMissingMessageOrAPlaceholderLeftOrAMissingValueStopsTheRendering() {
        assertThatThrownBy(() -> templates.render("test-missing-key", Map.of()))
                .hasStackTraceContaining("document.no.such.key");
        assertThatThrownBy(() -> templates.render("test-placeholder", Map.of()))
                .hasStackTraceContaining("placeholder left");
        assertThatThrownBy(() -> templates.render("test-null", Map.of()))
                .hasStackTraceContaining("absent");
        assertThatThrownBy(() -> templates.render("no-such-template", Map.of()))
                .hasStackTraceContaining("no-such-template");
    }
}
