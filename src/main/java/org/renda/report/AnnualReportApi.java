package org.renda.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.renda.report.AnnualReports.Format;
import org.renda.report.spi.ReportFigure;
import org.renda.shared.validation.YearNumber;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The annual report's figures over JSON, scoped and audited like the page. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "年度工作总结 Annual report")
@SecurityRequirement(name = "bearer")
@Validated
class AnnualReportApi {

    private final AnnualReports reports;
    private final ReportTexts texts;

    AnnualReportApi(AnnualReports reports, ReportTexts texts) {
        this.reports = reports;
        this.texts = texts;
    }

    record FigureJson(@Schema(description = "Stable key, e.g. casework.closed") String key, String section,
            @Schema(description = "The label in the request's language") String label,
            @Schema(description = "A count, a percentage, or fen (分) when unit is YUAN") BigDecimal value, String unit,
            @Schema(description = "The web list of the records counted") @Nullable String link) {}

    record AnnualReportJson(long orgId, String orgName, int year, Instant computedAt,
            @Schema(description = "Towns and streets whose records the totals include") int towns,
            List<FigureJson> figures) {}

    @GetMapping("/annual")
    @Operation(summary = "The annual report of an organisation (its subtree: a county's totals include its towns)"
            + " for a year: every figure with its key, label, value, unit and the list it counts")
    AnnualReportJson annual(@RequestParam long org, @RequestParam @YearNumber int year, Locale locale) {
        AnnualReport r = reports.generate(org, year, Format.JSON);
        List<FigureJson> figures = new ArrayList<>();
        for (ReportFigure f : r.figures()) {
            figures.add(new FigureJson(f.key(), f.section().name(), texts.label(f, locale), f.value(), f.unit().name(),
                    f.link()));
        }
        return new AnnualReportJson(r.orgId(), r.orgName(), r.year(), r.computedAt(), r.towns(), figures);
    }
}
