package org.renda.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.renda.report.AnnualReports.Format;
import org.renda.report.spi.ReportFigure;
import org.renda.shared.validation.YearNumber;
import org.renda.shared.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual report page ({@code /reports/annual?org=&year=}): every figure a link to the list of the records it
 * counts, the time it was computed, and the .docx and PDF downloads.
 */
@Controller
@Validated
class AnnualReportPages {

    static final String VIEW = "report/annual";

    private final AnnualReports reports;
    private final ReportDocuments documents;
    private final ReportTexts texts;

    AnnualReportPages(AnnualReports reports, ReportDocuments documents, ReportTexts texts) {
        this.reports = reports;
        this.documents = documents;
        this.texts = texts;
    }

    /** A figure as the page shows it. */
    record FigureRow(String key, String label, String number, String unit, @Nullable String link) {}

    /** A chapter as the page shows it. */
    record ChapterRow(String heading, String sentence, List<FigureRow> figures) {}

    @GetMapping("/reports/annual")
    String annual(@RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable @YearNumber Integer year, Model model, Locale locale) {
        long orgId = org == null ? reports.defaultOrg() : org;
        int y = year == null ? LocalDate.now(ReportTexts.ZONE).getYear() : year;
        AnnualReport r = reports.generate(orgId, y, Format.PAGE);
        List<ChapterRow> chapters = new ArrayList<>();
        for (AnnualReport.Chapter c : r.chapters()) {
            List<FigureRow> rows = new ArrayList<>();
            for (ReportFigure f : c.figures()) {
                rows.add(new FigureRow(f.key(), texts.label(f, locale), ReportTexts.number(f),
                        texts.unit(f.unit(), locale), f.link()));
            }
            chapters.add(new ChapterRow(texts.msg(c.section().messageKey(), locale), texts.sentence(c, locale), rows));
        }
        model.addAttribute("report", r);
        model.addAttribute("reportTitle", documents.title(r));
        model.addAttribute("chapters", chapters);
        model.addAttribute("computedAt", texts.computedAt(r));
        model.addAttribute("orgs", reports.organisations());
        int now = LocalDate.now(ReportTexts.ZONE).getYear();
        model.addAttribute("years", List.of(now, now - 1, now - 2, now - 3));
        return VIEW;
    }

    @GetMapping("/reports/annual.docx")
    ResponseEntity<byte[]> docx(@RequestParam long org, @RequestParam @YearNumber int year) {
        AnnualReport r = reports.generate(org, year, Format.DOCX);
        return Downloads.docx(documents.docx(r), documents.filename(r, "docx"));
    }

    @GetMapping("/reports/annual.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam long org, @RequestParam @YearNumber int year) {
        AnnualReport r = reports.generate(org, year, Format.PDF);
        return Downloads.pdf(documents.pdf(r), documents.filename(r, "pdf"));
    }
}
