package org.renda.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The bean the modules use, over the application's own messages. */
@RendaIntegrationTest
class DocumentTemplatesInApplicationTest {

    @Autowired DocumentTemplates templates;

    @Test
    void theApplicationsTemplatesRenderTheNoticeIntoBothFiles() throws Exception {
        Document doc = templates.render("notice", Notices.notice());

        try (XWPFWordExtractor word = new XWPFWordExtractor(
                new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(doc))))) {
            assertThat(word.getText()).contains("关于召开安澜镇第十九届人民代表大会第三次会议的通知", "三、会议议程", "参会回执")
                    .doesNotContain("??", "{0}", "[(");
        }
        try (PDDocument pdf = Loader.loadPDF(PdfWriter.write(doc))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("四、有关要求", "安澜镇人大主席团");
        }
    }
}
