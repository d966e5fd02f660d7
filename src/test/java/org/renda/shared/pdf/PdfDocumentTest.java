package org.renda.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.renda.shared.pdf.PdfTable.Align;
import org.renda.shared.qr.QrCode;

class PdfDocumentTest {

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void chineseTextIsWrittenWithTheEmbeddedFontAndCanBeExtracted() throws Exception {
        byte[] pdf;
        try (PdfDocument doc = PdfDocument.a4("履职档案")) {
            doc.title("人大代表履职档案");
            doc.heading("履职统计");
            doc.paragraph("李春华代表 2025 年共参加视察调研 3 次。");
            doc.table(PdfTable.columns(3, 1).header("类型", "次数").align(1, Align.CENTER)
                    .row("接待选民", "4").boldRow("合计", "4"));
            pdf = doc.toBytes(null);
        }

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("人大代表履职档案", "履职统计", "李春华代表 2025 年共参加视察调研 3 次。", "接待选民", "合计");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("WenQuanYiMicroHei");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("履职档案");
        }
        assertThat(pdf.length).as("the font is subset, not embedded whole").isLessThan(200_000);
    }

    @Test
    void aLongTableFlowsOverPagesWithTheHeaderRepeatedAndEveryPageNumbered() throws Exception {
        byte[] pdf;
        try (PdfDocument doc = PdfDocument.a4("日记")) {
            PdfTable table = PdfTable.columns(1, 4).header("日期", "事项");
            for (int i = 1; i <= 120; i++) {
                table.row("2025-03-" + i, "在联络站接待选民，听取关于通组道路硬化和村级养老服务点建设的意见第" + i + "次");
            }
            doc.table(table);
            pdf = doc.toBytes((page, pages) -> "第 " + page + " 页，共 " + pages + " 页");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertThat(page).contains("日期", "事项", "第 " + p + " 页，共 " + pages + " 页");
            }
        }
        assertThat(text(pdf)).contains("第120次");
    }

    @Test
    void linesBreakBetweenChineseCharactersButNotInsideLatinWordsOrBeforeClosingPunctuation() {
        try (PdfDocument doc = PdfDocument.a4("wrap")) {
            PdfStyle st = PdfStyle.BODY;
            float tenChars = doc.width("人大代表联络站接待", st) + 1;
            List<String> lines = doc.wrap("人大代表联络站接待选民，收集意见", st, tenChars);
            assertThat(String.join("", lines)).isEqualTo("人大代表联络站接待选民，收集意见");
            assertThat(lines).allSatisfy(l -> assertThat(l).doesNotStartWith("，"));

            List<String> words = doc.wrap("Renda platform for deputies", st, doc.width("Renda platform", st) + 1);
            assertThat(words).containsExactly("Renda platform", "for deputies");

            assertThat(doc.wrap("第一行\n第二行", st, 500)).containsExactly("第一行", "第二行");
        }
    }

    @Test
    void charactersTheFontLacksBecomeAQuestionMarkInsteadOfFailing() throws Exception {
        byte[] pdf;
        try (PdfDocument doc = PdfDocument.a4("x")) {
            doc.paragraph("代表\u0007签名 \uD83D\uDE00 完");
            pdf = doc.toBytes(null);
        }
        assertThat(text(pdf)).contains("代表", "签名", "完");
    }

    @Test
    void fixedPositionContentForCards() throws Exception {
        BufferedImage photo = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", png);
        byte[] pdf;
        try (PdfDocument doc = PdfDocument.create(PageFormat.A5_LANDSCAPE, 10, "名牌")) {
            doc.box(0, 0, doc.pageWidth(), 60, PdfStyle.RED, null, 0);
            doc.text("人大代表", PdfStyle.TITLE.withColor(Color.WHITE), 0, 15, doc.pageWidth(), Align.CENTER);
            assertThat(doc.image(png.toByteArray(), 30, 80, 90, 120)).isTrue();
            assertThat(doc.image(new byte[] {1, 2, 3}, 30, 80, 90, 120)).isFalse();
            doc.qrCode(QrCode.of("https://renda.example.cn/public/deputies/abc"), 420, 80, 120);
            doc.text("一个很长很长很长很长很长很长很长很长很长很长的名字", PdfStyle.TITLE, 130, 80, 100, Align.LEFT);
            pdf = doc.toBytes(null);
        }
        assertThat(text(pdf)).contains("人大代表", "一个很长");
    }

    @Test
    void aHeadingNeverEndsAPageAloneButMovesWithTheTableItIntroduces() throws Exception {
        byte[] pdf;
        try (PdfDocument doc = PdfDocument.a4("keep")) {
            while (doc.cursor() < doc.pageHeight() - doc.margin() - 70) {
                doc.paragraph("填充段落");
            }
            doc.heading("实事承诺");
            doc.table(PdfTable.columns(1, 3).header("年度", "承诺事项")
                    .row("2025", "为西岭村争取一处村级养老服务点\n走访 60 户老年人家庭\n提交建议并跟踪落实"));
            pdf = doc.toBytes(null);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(doc)).doesNotContain("实事承诺", "年度");
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            assertThat(second.getText(doc)).contains("实事承诺", "年度", "为西岭村争取一处村级养老服务点");
        }
    }
}
