package org.renda.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportSection;
import org.renda.report.spi.ReportUnit;
import org.renda.shared.document.Block;
import org.renda.shared.document.Block.Paragraph;
import org.renda.shared.document.Block.Picture;
import org.renda.shared.document.Document;
import org.renda.shared.document.DocumentTemplates;
import org.renda.shared.document.DocxWriter;
import org.renda.shared.document.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The annual report as an office writes it (年度工作总结): the title, when the figures were computed, an opening,
 * one chapter per area with its figures in a sentence, charts where they help (the main figures as bars, the
 * opinions closed as a ring, the funds as bars), the table of every figure, and the signature. The words come from
 * {@code templates/documents/annual-report.txt} and the bundle; the .docx stays editable.
 */
@Component
class ReportDocuments {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final String CHART = "〔chart:%s〕";

    private final DocumentTemplates templates;
    private final ReportTexts texts;

    ReportDocuments(DocumentTemplates templates, ReportTexts texts) {
        this.templates = templates;
        this.texts = texts;
    }

    /** A chapter as the template prints it. */
    record ChapterText(String heading, String sentence, String chart) {}

    /** A row of the figures table. */
    record Row(String section, String label, String value) {}

    byte[] docx(AnnualReport r) {
        return DocxWriter.write(document(r));
    }

    byte[] pdf(AnnualReport r) {
        return PdfWriter.write(document(r));
    }

    String filename(AnnualReport r, String extension) {
        return title(r) + "." + extension;
    }

    String title(AnnualReport r) {
        return texts.msg("report.doc.title", ZH, r.orgName(), String.valueOf(r.year()));
    }

    Document document(AnnualReport r) {
        Map<String, Picture> charts = charts(r);
        List<ChapterText> chapters = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (AnnualReport.Chapter c : r.chapters()) {
            if (c.figures().stream().allMatch(ReportTexts::zero)) {
                continue; // nothing happened in this area: an office would not write the chapter
            }
            String heading = NUMERALS[n++] + "、" + texts.msg(c.section().messageKey(), ZH);
            String chart = charts.containsKey(c.section().name()) ? CHART.formatted(c.section().name()) : "";
            chapters.add(new ChapterText(heading, texts.sentence(c, ZH), chart));
            for (ReportFigure f : c.figures()) {
                rows.add(new Row(texts.msg(c.section().messageKey() + ".short", ZH), texts.label(f, ZH),
                        texts.value(f, ZH)));
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title(r));
        v.put("computed", texts.msg("report.doc.computed", ZH, texts.computedAt(r)));
        v.put("intro", r.towns() > 0
                ? texts.msg("report.doc.introCounty", ZH, String.valueOf(r.year()), r.orgName(), String.valueOf(r.towns()))
                : texts.msg("report.doc.intro", ZH, String.valueOf(r.year()), r.orgName()));
        v.put("overview", charts.containsKey("OVERVIEW") ? CHART.formatted("OVERVIEW") : "");
        v.put("chapters", chapters);
        v.put("tableHeading", NUMERALS[n] + "、" + texts.msg("report.doc.tableHeading", ZH));
        v.put("rows", rows);
        v.put("closing", texts.msg("report.doc.closing", ZH));
        v.put("organiser", texts.msg(r.orgType().equals("TOWN") || r.orgType().equals("STREET")
                ? "report.doc.organiser.town" : "report.doc.organiser.county", ZH, r.orgName()));
        v.put("date", texts.day(r));
        Document doc = templates.render("annual-report", v, ZH);
        List<Block> blocks = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof Paragraph p && p.text().startsWith("〔chart:") && p.lead().isEmpty()) {
                Picture pic = charts.get(p.text().substring(7, p.text().length() - 1));
                if (pic != null) {
                    blocks.add(pic);
                }
                continue;
            }
            if (b instanceof Paragraph p && p.text().isBlank()) {
                continue;
            }
            blocks.add(b);
        }
        return new Document(doc.title(), blocks);
    }

    /** The charts by the chapter they follow (OVERVIEW: after the opening). */
    private Map<String, Picture> charts(AnnualReport r) {
        Map<String, Picture> out = new LinkedHashMap<>();
        List<ReportCharts.Bar> main = new ArrayList<>();
        for (AnnualReport.Chapter c : r.chapters()) {
            if (c.section() == ReportSection.FUNDS || c.section() == ReportSection.APPRAISAL
                    || c.section() == ReportSection.ASSESSMENT) {
                continue;
            }
            for (ReportFigure f : c.figures()) {
                if (f.unit() != ReportUnit.PERCENT && f.unit() != ReportUnit.YUAN && main.size() < 12) {
                    main.add(new ReportCharts.Bar(texts.shortLabel(f, ZH), f.value().doubleValue(),
                            texts.value(f, ZH)));
                }
            }
        }
        if (!main.isEmpty()) {
            String caption = texts.msg("report.chart.overview", ZH, String.valueOf(r.year()));
            out.put("OVERVIEW", picture(ReportCharts.bars(caption, main, 0)));
        }
        Long received = r.count("casework.received");
        Long closed = r.count("casework.closed");
        if (received != null && closed != null && received > 0) {
            String caption = texts.msg("report.chart.casework", ZH);
            String rate = r.figure("casework.closedRate").map(ReportTexts::number).orElse("0") + "%";
            out.put(ReportSection.CASEWORK.name(), picture(ReportCharts.ring(caption,
                    texts.msg("report.chart.casework.closed", ZH, ReportTexts.grouped(closed)), closed,
                    texts.msg("report.chart.casework.open", ZH, ReportTexts.grouped(received - closed)), received, rate)));
        }
        List<ReportCharts.Bar> money = new ArrayList<>();
        for (String key : List.of("funds.budget", "funds.income", "funds.spent")) {
            r.figure(key).ifPresent(f -> money.add(new ReportCharts.Bar(texts.shortLabel(f, ZH),
                    f.value().doubleValue(), texts.prose(f, ZH))));
        }
        if (!money.isEmpty() && money.stream().anyMatch(b -> b.value() > 0)) {
            String caption = texts.msg("report.chart.funds", ZH, r.figure("funds.executionRate")
                    .map(ReportTexts::number).orElse("0") + "%");
            out.put(ReportSection.FUNDS.name(), picture(ReportCharts.bars(caption, money, 1)));
        }
        return out;
    }

    private static Picture picture(byte[] png) {
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            return new Picture(png, img.getWidth(), img.getHeight(), "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
