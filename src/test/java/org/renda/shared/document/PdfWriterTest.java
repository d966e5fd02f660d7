package org.renda.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.renda.shared.document.Block.Table;
import org.renda.shared.document.Block.Title;

class PdfWriterTest {

    private static String text(PDDocument doc, int from, int to) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(doc);
    }

    @Test
    void theNoticePrintsInChineseWithTheFontEmbedded() throws Exception {
        byte[] pdf = PdfWriter.write(Notices.templates().render("notice", Notices.notice()));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("the notice, then the reply form on its own page").isEqualTo(2);
            String first = text(doc, 1, 1).replaceAll("\\s+", "");
            assertThat(first).contains("关于召开安澜镇第十九届人民代表大会第三次会议的通知", "各位代表：",
                    "一、会议时间：2026年12月18日上午9时", "三、会议议程", "1.听取和审议安澜镇人民政府工作报告",
                    "3.#假标题：议程里的井号只是文字", "安澜镇人大主席团", "2026年12月5日", "—1—");
            assertThat(text(doc, 2, 2).replaceAll("\\s+", "")).contains("参会回执", "姓名", "工作单位及职务", "是否出席");
            PDPage page = doc.getPage(0);
            PDFont font = page.getResources().getFont(page.getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("WenQuanYiMicroHei");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("关于召开安澜镇第十九届人民代表大会第三次会议的通知");
        }
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderOnEach() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            rows.add(List.of(String.valueOf(i), "代表" + i, "关于加快通组道路硬化、改善村级养老服务点条件的建议第" + i + "件"));
        }
        byte[] pdf = PdfWriter.write(new Document("建议清单", List.of(new Title("建议清单"),
                new Table(List.of("序号", "领衔代表", "建议"), rows, List.of(1f, 2f, 6f)))));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                assertThat(text(doc, p, p)).as("page " + p).contains("序号", "领衔代表", "— " + p + " —");
            }
            String all = text(doc, 1, doc.getNumberOfPages()).replaceAll("\\s+", "");
            assertThat(all).contains("建议第1件", "建议第80件");
        }
    }

    @Test
    void aLongParagraphWrapsWithinTheMargins() throws Exception {
        String text = "安澜镇人大主席团坚持以人民为中心，".repeat(20);
        byte[] pdf = PdfWriter.write(new Document("总结", List.of(Block.Paragraph.of(text))));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String extracted = text(doc, 1, 1);
            assertThat(extracted.replaceAll("\\s+", "")).contains(text);
            assertThat(extracted.lines().filter(l -> l.contains("安澜")).count()).isGreaterThan(10);
        }
    }
}
