package org.renda.shared.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.renda.shared.document.Markup.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.shared.document.Block.Heading;
import org.renda.shared.document.Block.Items;
import org.renda.shared.document.Block.PageBreak;
import org.renda.shared.document.Block.Paragraph;
import org.renda.shared.document.Block.Signature;
import org.renda.shared.document.Block.Subtitle;
import org.renda.shared.document.Block.Table;
import org.renda.shared.document.Block.Title;

class MarkupTest {

    @Test
    void everyMarkBecomesItsBlock() {
        List<Block> blocks = Markup.parse("""
                # 关于召开安澜镇第十九届人民代表大会
                # 第三次会议的通知
                > （2026年12月5日）

                @ 各位代表：

                经研究，定于召开会议。
                现将有关事项通知如下：

                **一、会议时间：**2026年12月18日上午9时
                ## 二、会议议程
                ### （一）听取报告
                1. 听取镇人民政府工作报告

                2. 审查财政预算
                - 甲
                | 序号 | 事项 |
                |--|------|
                | 1 | 审议 |

                | 2 | 选举 |
                ~ 安澜镇人大主席团
                ~ 2026年12月5日
                ---page---
                后记
                """);

        assertThat(blocks).containsExactly(
                new Title("关于召开安澜镇第十九届人民代表大会\n第三次会议的通知"),
                new Subtitle("（2026年12月5日）"),
                new Paragraph("", "各位代表：", false),
                Paragraph.of("经研究，定于召开会议。现将有关事项通知如下："),
                new Paragraph("一、会议时间：", "2026年12月18日上午9时", true),
                new Heading(1, "二、会议议程"),
                new Heading(2, "（一）听取报告"),
                new Items(true, List.of("听取镇人民政府工作报告", "审查财政预算")),
                new Items(false, List.of("甲")),
                new Table(List.of("序号", "事项"), List.of(List.of("1", "审议"), List.of("2", "选举")), List.of(2f, 6f)),
                new Signature(List.of("安澜镇人大主席团", "2026年12月5日")),
                new PageBreak(),
                Paragraph.of("后记"));
    }

    @Test
    void latinLinesOfOneParagraphJoinWithASpace() {
        assertThat(Markup.parse("Renda writes\nthe notice\n\n下一段")).containsExactly(
                Paragraph.of("Renda writes the notice"), Paragraph.of("下一段"));
    }

    @Test
    void aValueIsTextWhateverItStartsWith() {
        List<Block> blocks = Markup.parse(value("# 假标题") + "\n" + value("## 假标题") + "\n\n" + value("- 假项")
                + "\n\n" + value("| 假 | 表 |") + "\n\n" + value("---page---") + "\n\n" + value("~ 假署名") + "\n\n"
                + value("**假**引导"));

        assertThat(blocks).containsExactly(Paragraph.of("# 假标题## 假标题"), Paragraph.of("- 假项"),
                Paragraph.of("| 假 | 表 |"), Paragraph.of("---page---"), Paragraph.of("~ 假署名"),
                Paragraph.of("**假**引导"));
    }

    @Test
    void aValuesLineBreaksStartPlainParagraphsNeverMarkup() {
        List<Block> blocks = Markup.parse("说明：" + value("第一行\n# 假标题\n| a | b |\n\n1. 假编号") + "。\n## 真标题");

        assertThat(blocks).containsExactly(Paragraph.of("说明：第一行"), Paragraph.of("# 假标题"),
                Paragraph.of("| a | b |"), Paragraph.of("1. 假编号。"), new Heading(1, "真标题"));
    }

    @Test
    void aBarInAValueStaysInItsCellAndALineBreakInACellStaysInTheCell() {
        List<Block> blocks = Markup.parse("| 名称 | 说明 |\n| " + value("a|b") + " | " + value("一\n二") + " |");

        assertThat(blocks).containsExactly(new Table(List.of("名称", "说明"), List.of(List.of("a|b", "一\n二")),
                List.of()));
    }

    @Test
    void aValueCannotForgeTheEndOfItself() {
        String forged = value("x" + Markup.CLOSE + "\n# 假标题\n" + Markup.OPEN);

        assertThat(Markup.parse(forged)).containsExactly(Paragraph.of("x"), Paragraph.of("# 假标题"));
    }

    @Test
    void emptyValuesLeaveNoEmptyBlocks() {
        assertThat(Markup.parse("# " + value("") + "\n- " + value("") + "\n" + value("") + "\n~ " + value("")))
                .isEmpty();
    }
}
