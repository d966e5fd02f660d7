package org.renda.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;

class DocxWriterTest {

    private static XWPFDocument notice() throws Exception {
        byte[] docx = DocxWriter.write(Notices.templates().render("notice", Notices.notice()));
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text + " in " + doc.getParagraphs().stream()
                        .map(XWPFParagraph::getText).toList()));
    }

    private static String eastAsia(XWPFRun run) {
        return run.getFontFamily(FontCharRange.eastAsia);
    }

    @Test
    void theNoticeOpensInWordWithItsTitleAndBodyInChineseFaces() throws Exception {
        try (XWPFDocument doc = notice()) {
            XWPFParagraph title = paragraph(doc, "关于召开安澜镇第十九届人民代表大会第三次会议的通知");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(eastAsia(title.getRuns().get(0))).isEqualTo("方正小标宋简体");
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);

            XWPFParagraph addressees = paragraph(doc, "各位代表：");
            assertThat(addressees.getIndentationFirstLine()).as("flush left").isIn(-1, 0);

            XWPFParagraph body = paragraph(doc, "经研究，定于召开安澜镇第十九届人民代表大会第三次会议。现将有关事项通知如下：");
            assertThat(eastAsia(body.getRuns().get(0))).isEqualTo("仿宋_GB2312");
            assertThat(body.getRuns().get(0).getFontFamily(FontCharRange.ascii)).isEqualTo("Times New Roman");
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getIndentationFirstLine()).as("two characters of 16 pt").isEqualTo(640);
            assertThat(body.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
            assertThat(body.getSpacingBetween()).as("exact 28 pt lines").isEqualTo(28.0);

            XWPFParagraph time = paragraph(doc, "一、会议时间：2026年12月18日上午9时");
            assertThat(time.getRuns()).extracting(XWPFRun::text, DocxWriterTest::eastAsia).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("一、会议时间：", "黑体"),
                    org.assertj.core.groups.Tuple.tuple("2026年12月18日上午9时", "仿宋_GB2312"));
            assertThat(eastAsia(paragraph(doc, "三、会议议程").getRuns().get(0))).isEqualTo("黑体");
            paragraph(doc, "1.听取和审议安澜镇人民政府工作报告");
            paragraph(doc, "3.# 假标题：议程里的井号只是文字");

            XWPFParagraph organiser = paragraph(doc, "安澜镇人大主席团");
            XWPFParagraph date = paragraph(doc, "2026年12月5日");
            assertThat(organiser.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(organiser.getIndentationRight()).as("the wider line four characters from the edge")
                    .isEqualTo(4 * 320);
            assertThat(date.getIndentationRight()).as("the date (6.5 characters) centred under the organisation (8)")
                    .isEqualTo(4 * 320 + 240);
            assertThat(paragraph(doc, "附件").isPageBreak()).isTrue();
        }
    }

    @Test
    void theReplyFormIsATableWithItsHeaderRepeatedOnEveryPage() throws Exception {
        try (XWPFDocument doc = notice()) {
            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getNumberOfRows()).isEqualTo(7);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("姓名", "工作单位及职务", "联系电话", "是否出席");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(eastAsia(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0))).isEqualTo("黑体");
            List<BigInteger> widths = table.getCTTbl().getTblGrid().getGridColList().stream()
                    .map(c -> (BigInteger) c.getW()).toList();
            assertThat(widths.get(1)).as("set by the dashes of the template").isEqualTo(widths.get(0).shiftLeft(1));
        }
    }

    @Test
    void controlCharactersInAValueDoNotSpoilTheFile() throws Exception {
        byte[] docx = DocxWriter.write(new Document("标题", List.of(Block.Paragraph.of("响铃\u0007与\u0000空字符\uFFFF"),
                new Block.Table(List.of("甲\u001B"), List.of(List.of("乙\r\n丙")), List.of()))));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("响铃 与 空字符");
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("甲 ");
            assertThat(doc.getTables().get(0).getRow(1).getCell(0).getText()).isEqualTo("乙\n丙");
        }
    }

    @Test
    void theFileIsA4WithOfficialMarginsInChineseAndTitled() throws Exception {
        try (XWPFDocument doc = notice()) {
            CTPageMar margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(List.of(margins.getTop(), margins.getRight(), margins.getBottom(), margins.getLeft()))
                    .map(o -> ((BigInteger) o).intValue()).containsExactly(2098, 1474, 1984, 1587);
            assertThat(((BigInteger) doc.getDocument().getBody().getSectPr().getPgSz().getW()).intValue())
                    .isEqualTo(11906);
            assertThat(doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getLangArray(0)
                    .getEastAsia()).isEqualTo("zh-CN");
            assertThat(doc.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("关于召开安澜镇第十九届人民代表大会第三次会议的通知");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("Renda");
            assertThat(doc.getBodyElements().get(doc.getBodyElements().size() - 1))
                    .as("Word ends a document with a paragraph, also after the reply form's table")
                    .isInstanceOf(XWPFParagraph.class);
            assertThat(doc.getFooterList()).hasSize(1);
            assertThat(doc.getFooterList().get(0).getText()).contains("— 1 —");
        }
    }
}
