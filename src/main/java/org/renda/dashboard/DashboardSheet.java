package org.renda.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.renda.dashboard.DashboardFigures.CaseRow;
import org.renda.dashboard.DashboardFigures.DutyRow;
import org.renda.dashboard.DashboardFigures.ReceptionRow;
import org.renda.shared.excel.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The dashboard's figures as a workbook: one sheet per chart, the same numbers, in the reader's language. */
@Component
class DashboardSheet {

    private final MessageSource messages;

    DashboardSheet(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(DashboardFigures f) {
        List<Xlsx.SheetData> sheets = new ArrayList<>();
        if (f.cases() != null) {
            List<String> head = List.of(msg("dashboard.col.subject"), msg("dashboard.col.collected"),
                    msg("dashboard.col.closed"), msg("dashboard.col.closureRate"), msg("dashboard.col.overdue"),
                    msg("dashboard.col.rated"), msg("dashboard.col.satisfied"), msg("dashboard.col.satisfactionRate"));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.casesByTown"), head, caseRows(f.cases().byTown(),
                    f.cases().total())));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.casesByMonth"), head, caseRows(f.cases().byMonth(),
                    f.cases().total())));
        }
        if (f.duties() != null) {
            List<String> head = List.of(msg("dashboard.col.subject"), msg("dashboard.col.verified"),
                    msg("dashboard.col.submitted"), msg("dashboard.col.total"));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.dutiesByType"), head, dutyRows(f.duties().byType(),
                    f.duties().total())));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.dutiesByTown"), head, dutyRows(f.duties().byTown(),
                    f.duties().total())));
        }
        if (f.receptions() != null) {
            List<String> head = List.of(msg("dashboard.col.subject"), msg("dashboard.col.planned"),
                    msg("dashboard.col.held"), msg("dashboard.col.heldRate"), msg("dashboard.col.missed"),
                    msg("dashboard.col.cancelled"));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.receptionsByMonth"), head,
                    receptionRows(f.receptions().byMonth(), f.receptions().total())));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.receptionsByTown"), head,
                    receptionRows(f.receptions().byTown(), f.receptions().total())));
        }
        if (f.appraisals() != null) {
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.campaigns"), List.of(msg("dashboard.col.title"),
                    msg("dashboard.col.kind"), msg("dashboard.col.subjects"), msg("dashboard.col.votes")),
                    f.appraisals().campaigns().stream().map(c -> List.<Object>of(c.title(), c.kind(), c.subjects(),
                            c.votes())).toList()));
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.votes"), List.of(msg("dashboard.col.title"),
                    msg("dashboard.col.state"), msg("dashboard.col.published"), msg("dashboard.col.eligible"),
                    msg("dashboard.col.cast"), msg("dashboard.col.participation")),
                    f.appraisals().votes().stream().map(v -> List.<Object>of(v.title(), v.state(),
                            msg(v.published() ? "dashboard.yes" : "dashboard.no"), v.eligible(), v.cast(),
                            percent(v.participation()))).toList()));
        }
        if (f.assessments() != null) {
            sheets.add(new Xlsx.SheetData(msg("dashboard.sheet.periods"), List.of(msg("dashboard.col.title"),
                    msg("dashboard.col.kind"), msg("dashboard.col.stage"), msg("dashboard.col.subjects"),
                    msg("dashboard.col.sheets"), msg("dashboard.col.sheetsSubmitted")),
                    f.assessments().periods().stream().map(p -> List.<Object>of(p.name(), p.kind(), p.stage(),
                            p.subjects(), p.sheets(), p.submitted())).toList()));
        }
        return Xlsx.writeSheets(sheets);
    }

    private static List<List<Object>> caseRows(List<CaseRow> rows, CaseRow total) {
        List<List<Object>> out = new ArrayList<>();
        for (CaseRow r : concat(rows, total)) {
            out.add(List.of(r.label(), r.collected(), r.closed(), percent(r.closureRate()), r.overdue(), r.rated(),
                    r.satisfied(), percent(r.satisfactionRate())));
        }
        return out;
    }

    private static List<List<Object>> dutyRows(List<DutyRow> rows, DutyRow total) {
        return concat(rows, total).stream().<List<Object>>map(r -> List.of(r.label(), r.verified(), r.submitted(),
                r.verified() + r.submitted())).toList();
    }

    private static List<List<Object>> receptionRows(List<ReceptionRow> rows, ReceptionRow total) {
        return concat(rows, total).stream().<List<Object>>map(r -> List.of(r.label(), r.planned(), r.held(),
                percent(r.heldRate()), r.missed(), r.cancelled())).toList();
    }

    private static <T> List<T> concat(List<T> rows, T total) {
        List<T> all = new ArrayList<>(rows);
        all.add(total);
        return all;
    }

    /** As the case figures export writes a rate. */
    private static String percent(double rate) {
        return String.format("%.1f%%", rate * 100);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
