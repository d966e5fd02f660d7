package org.renda.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.renda.dashboard.DashboardFigures.CaseRow;
import org.renda.dashboard.DashboardFigures.DutyRow;
import org.renda.dashboard.DashboardFigures.ReceptionRow;
import org.renda.deputy.DutyType;
import org.renda.org.OrgView;
import org.renda.shared.DomainException;
import org.renda.shared.validation.YearNumber;
import org.renda.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** The dashboard page, its workbook, and the lists of records behind each chart. */
@Controller
class DashboardPages {

    static final String VIEW = "dashboard/index";
    static final String RECORDS = "dashboard/records";

    /** What a drill-down counts; which apply depends on the kind of records. */
    enum Measure {
        COLLECTED, CLOSED, OVERDUE, RATED, SATISFIED, PLANNED, HELD, MISSED, CANCELLED
    }

    /** One series of a chart: values and, for each value, the address of the records behind it. */
    record Series(String name, String type, boolean percent, @Nullable String stack, List<Double> data,
            List<String> links) {}

    /** A chart as static/js/dashboard.js draws it with ECharts. */
    record Chart(String title, boolean horizontal, List<String> categories, List<Series> series) {}

    private final Dashboard dashboard;
    private final DashboardSheet sheet;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final org.renda.meeting.MeetingCounts meetings;

    DashboardPages(Dashboard dashboard, DashboardSheet sheet, MessageSource messages, ObjectMapper json,
            org.renda.meeting.MeetingCounts meetings) {
        this.meetings = meetings;
        this.dashboard = dashboard;
        this.sheet = sheet;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) @YearNumber @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long org, Model model) {
        OrgView place = dashboard.place(org);
        int y = year == null ? LocalDate.now().getYear() : year;
        DashboardFigures f = dashboard.figures(place, y, LocalDate.now());
        model.addAttribute("f", f);
        model.addAttribute("places", dashboard.places(place));
        model.addAttribute("years", years(y));
        model.addAttribute("charts", charts(f));
        // 人代会 本年已开 N 次 / 法定至少 2 次, per town in reach (red when short)
        model.addAttribute("sessionCounts", meetings.sessions(y, place == null ? null : place.id()));
        return VIEW;
    }

    @GetMapping("/dashboard.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) @YearNumber @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long org) {
        OrgView place = dashboard.place(org);
        int y = year == null ? LocalDate.now().getYear() : year;
        DashboardFigures f = dashboard.figures(place, y, LocalDate.now());
        return Downloads.xlsx(sheet.write(f), msg("dashboard.file", place.name(), String.valueOf(y)) + ".xlsx");
    }

    @GetMapping("/dashboard/records")
    String records(@RequestParam Dashboard.Kind kind, @RequestParam long org,
            @RequestParam(defaultValue = "false") boolean self, @RequestParam @YearNumber int year,
            @RequestParam(required = false) @Min(1) @Max(12) @Nullable Integer month,
            @RequestParam(required = false) @Nullable Measure measure,
            @RequestParam(required = false) @Nullable DutyType type, Model model) {
        OrgView place = dashboard.place(org);
        String m = measure == null ? null : measure.name();
        boolean fits = m == null || switch (kind) {
            case CASES -> measure.ordinal() <= Measure.SATISFIED.ordinal();
            case RECEPTIONS -> measure.ordinal() >= Measure.PLANNED.ordinal();
            case DUTIES -> false;
        };
        if (!fits) {
            throw new DomainException("dashboard.error.measure");
        }
        Measure shown = measure != null ? measure
                : kind == Dashboard.Kind.CASES ? Measure.COLLECTED : kind == Dashboard.Kind.RECEPTIONS ? Measure.PLANNED
                : null;
        model.addAttribute("r", dashboard.records(kind, place, self, year, month, m, type, LocalDate.now()));
        model.addAttribute("place", place);
        model.addAttribute("self", self);
        model.addAttribute("year", year);
        model.addAttribute("month", month);
        model.addAttribute("measure", shown);
        model.addAttribute("type", type);
        model.addAttribute("limit", Dashboard.DRILL_LIMIT);
        return RECORDS;
    }

    private static List<Integer> years(int selected) {
        int now = LocalDate.now().getYear();
        List<Integer> out = new ArrayList<>();
        for (int y = now + 1; y >= now - 5; y--) {
            out.add(y);
        }
        if (!out.contains(selected)) {
            out.add(selected);
        }
        return out;
    }

    // ---- charts: the same figures, drawn; each point links to its records

    private List<String> charts(DashboardFigures f) {
        List<Chart> charts = new ArrayList<>();
        if (f.cases() != null) {
            List<CaseRow> towns = f.cases().byTown();
            charts.add(new Chart(msg("dashboard.chart.casesByTown"), true, towns.stream().map(CaseRow::label).toList(),
                    List.of(bar(msg("dashboard.col.collected"), towns, r -> r.collected(), r -> r.href() + "&measure=COLLECTED"),
                            bar(msg("dashboard.col.closed"), towns, r -> r.closed(), r -> r.href() + "&measure=CLOSED"),
                            bar(msg("dashboard.col.overdue"), towns, r -> r.overdue(), r -> r.href() + "&measure=OVERDUE"))));
            List<CaseRow> months = f.cases().byMonth();
            charts.add(new Chart(msg("dashboard.chart.casesByMonth"), false, months.stream().map(CaseRow::label).toList(),
                    List.of(bar(msg("dashboard.col.collected"), months, r -> r.collected(), r -> r.href() + "&measure=COLLECTED"),
                            bar(msg("dashboard.col.closed"), months, r -> r.closed(), r -> r.href() + "&measure=CLOSED"),
                            bar(msg("dashboard.col.overdue"), months, r -> r.overdue(), r -> r.href() + "&measure=OVERDUE"),
                            line(msg("dashboard.col.closureRate"), months, CaseRow::closureRate,
                                    r -> r.href() + "&measure=CLOSED"),
                            line(msg("dashboard.col.satisfactionRate"), months, CaseRow::satisfactionRate,
                                    r -> r.href() + "&measure=RATED"))));
        }
        if (f.duties() != null) {
            List<DutyRow> types = f.duties().byType();
            charts.add(new Chart(msg("dashboard.chart.dutiesByType"), true, types.stream().map(DutyRow::label).toList(),
                    List.of(stacked(msg("dashboard.col.verified"), types, r -> r.verified(), DutyRow::href),
                            stacked(msg("dashboard.col.submitted"), types, r -> r.submitted(), DutyRow::href))));
        }
        if (f.receptions() != null) {
            List<ReceptionRow> months = f.receptions().byMonth();
            charts.add(new Chart(msg("dashboard.chart.receptionsByMonth"), false,
                    months.stream().map(ReceptionRow::label).toList(),
                    List.of(bar(msg("dashboard.col.planned"), months, r -> r.planned(), r -> r.href() + "&measure=PLANNED"),
                            bar(msg("dashboard.col.held"), months, r -> r.held(), r -> r.href() + "&measure=HELD"),
                            bar(msg("dashboard.col.missed"), months, r -> r.missed(), r -> r.href() + "&measure=MISSED"))));
            List<ReceptionRow> towns = f.receptions().byTown();
            charts.add(new Chart(msg("dashboard.chart.receptionsByTown"), true,
                    towns.stream().map(ReceptionRow::label).toList(),
                    List.of(bar(msg("dashboard.col.planned"), towns, r -> r.planned(), r -> r.href() + "&measure=PLANNED"),
                            bar(msg("dashboard.col.held"), towns, r -> r.held(), r -> r.href() + "&measure=HELD"),
                            bar(msg("dashboard.col.missed"), towns, r -> r.missed(), r -> r.href() + "&measure=MISSED"))));
        }
        if (f.appraisals() != null && !f.appraisals().votes().isEmpty()) {
            var votes = f.appraisals().votes();
            charts.add(new Chart(msg("dashboard.chart.votes"), true, votes.stream().map(v -> v.title()).toList(),
                    List.of(new Series(msg("dashboard.col.participation"), "bar", true, null,
                            votes.stream().map(v -> v.participation()).toList(),
                            votes.stream().map(v -> v.href()).toList()))));
        }
        if (f.assessments() != null && !f.assessments().periods().isEmpty()) {
            var periods = f.assessments().periods();
            charts.add(new Chart(msg("dashboard.chart.periods"), true, periods.stream().map(p -> p.name()).toList(),
                    List.of(new Series(msg("dashboard.col.sheetsSubmitted"), "bar", false, "s",
                                    periods.stream().map(p -> (double) p.submitted()).toList(),
                                    periods.stream().map(p -> p.href()).toList()),
                            new Series(msg("dashboard.col.sheetsOpen"), "bar", false, "s",
                                    periods.stream().map(p -> (double) (p.sheets() - p.submitted())).toList(),
                                    periods.stream().map(p -> p.href()).toList()))));
        }
        return charts.stream().map(json::writeValueAsString).toList();
    }

    private static <R> Series bar(String name, List<R> rows, ToDoubleFunction<R> value, Function<R, String> link) {
        return new Series(name, "bar", false, null, rows.stream().map(r -> value.applyAsDouble(r)).toList(),
                rows.stream().map(link).toList());
    }

    private static <R> Series stacked(String name, List<R> rows, ToDoubleFunction<R> value, Function<R, String> link) {
        return new Series(name, "bar", false, "s", rows.stream().map(r -> value.applyAsDouble(r)).toList(),
                rows.stream().map(link).toList());
    }

    private static <R> Series line(String name, List<R> rows, ToDoubleFunction<R> value, Function<R, String> link) {
        return new Series(name, "line", true, null, rows.stream().map(r -> value.applyAsDouble(r)).toList(),
                rows.stream().map(link).toList());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
