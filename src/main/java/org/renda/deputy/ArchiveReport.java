package org.renda.deputy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyViews.CommitmentView;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DeputyViews.DutyRecordView;
import org.renda.deputy.DeputyViews.MandateView;
import org.renda.deputy.PublicProfiles.Period;
import org.renda.shared.DomainException;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable;
import org.renda.shared.pdf.PdfTable.Align;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printed duty archive (一人一档): for a year or the current term, the deputy's seats, verified
 * duties counted per type, the diary of every record in date order, and the commitments of those
 * years. A4, in Chinese, numbered pages. For staff and the deputy: no phone or ID number either.
 */
@Service
@Transactional(readOnly = true)
class ArchiveReport {

    static final int FIRST_YEAR = 1950;
    static final int LAST_YEAR = 2100;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String NONE = "—";

    private final DeputyRegister register;
    private final DeputyStore store;
    private final DutyLog duties;
    private final Commitments commitments;
    private final MessageSource messages;

    ArchiveReport(DeputyRegister register, DeputyStore store, DutyLog duties, Commitments commitments,
            MessageSource messages) {
        this.register = register;
        this.store = store;
        this.duties = duties;
        this.commitments = commitments;
        this.messages = messages;
    }

    /** The archive of one year, or of the current term when {@code year} is null. */
    Printout render(long deputyId, @Nullable Integer year) {
        DeputyProfile deputy = register.profile(deputyId); // 404 outside the actor's reach
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw new DomainException("deputy.archive.error.year", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        LocalDate today = LocalDate.now();
        Period period = year != null ? Period.year(year) : PublicProfiles.currentTerm(store.seats(deputyId), today);
        DutyLog.Archive archive = duties.archive(deputyId, period.from(), period.to());
        String periodLabel = period.fromYear() == period.toYear()
                ? t("deputy.archive.periodYear", String.valueOf(period.fromYear()))
                : t("deputy.archive.periodTerm", String.valueOf(period.fromYear()), String.valueOf(period.toYear()));

        try (PdfDocument pdf = PdfDocument.a4(t("deputy.archive.docTitle", deputy.name(), periodLabel))) {
            pdf.title(t("deputy.archive.title"));
            pdf.subtitle(deputy.name() + " · " + periodLabel);

            pdf.heading(t("deputy.archive.basics"));
            pdf.table(basics(deputy, periodLabel, today));

            pdf.heading(t("deputy.archive.counts"));
            pdf.paragraph(t("deputy.archive.countsHelp"), PdfStyle.SMALL);
            pdf.space(2);
            pdf.table(counts(archive.counts(), archive.total()));

            pdf.heading(t("deputy.archive.diary"));
            List<DutyRecordView> diary = new ArrayList<>(archive.diary());
            java.util.Collections.reverse(diary); // the store answers newest first; a diary reads forward
            if (diary.isEmpty()) {
                pdf.paragraph(t("deputy.archive.noDiary"));
            } else {
                pdf.table(diary(diary));
            }

            List<CommitmentView> promised = new ArrayList<>();
            for (int y = period.fromYear(); y <= Math.min(period.toYear(), today.getYear()); y++) {
                promised.addAll(commitments.ofDeputy(deputyId, y));
            }
            if (!promised.isEmpty()) {
                pdf.heading(t("deputy.archive.commitments"));
                pdf.table(commitmentTable(promised));
            }

            byte[] bytes = pdf.toBytes((page, pages) -> t("deputy.archive.footer", deputy.name(),
                    String.valueOf(page), String.valueOf(pages)));
            String span = period.fromYear() == period.toYear() ? String.valueOf(period.fromYear())
                    : period.fromYear() + "-" + period.toYear();
            return new Printout(bytes, t("deputy.archive.file", deputy.name(), span));
        }
    }

    private PdfTable basics(DeputyProfile d, String periodLabel, LocalDate today) {
        List<String> seats = new ArrayList<>();
        for (MandateView m : d.mandates()) {
            StringBuilder s = new StringBuilder(t("deputy.public.seat", m.congressName(),
                    PublicProfiles.numeral(m.termNo()), String.valueOf(m.termNo())));
            List<String> details = new ArrayList<>();
            details.add(t(m.status().messageKey()) + " " + m.statusSince());
            for (String part : new String[] {m.constituency(), m.deputyGroup(), m.station()}) {
                if (part != null && !part.isBlank()) {
                    details.add(part);
                }
            }
            s.append("（").append(String.join("，", details)).append("）");
            seats.add(s.toString());
        }
        PdfTable table = PdfTable.columns(1, 4.2f).labelColumn()
                .row(t("deputy.archive.name"), d.name())
                .row(t("deputy.archive.gender"), or(d.gender()))
                .row(t("deputy.archive.ethnicity"), or(d.ethnicity()))
                .row(t("deputy.archive.party"), or(d.party()))
                .row(t("deputy.archive.occupation"), or(d.occupation()))
                .row(t("deputy.archive.seats"), seats.isEmpty() ? NONE : String.join("\n", seats));
        if (!d.nameplateActive()) {
            table.row(t("deputy.archive.nameplate"), t("deputy.archive.nameplateWithdrawn",
                    d.nameplateChangedOn() == null ? "" : d.nameplateChangedOn().toString(),
                    or(d.nameplateReason())));
        }
        return table.row(t("deputy.archive.periodLabel"), periodLabel)
                .row(t("deputy.archive.printed"), today.toString());
    }

    /** Every type, two to a row, then the total. */
    private PdfTable counts(Map<DutyType, Integer> counts, int total) {
        PdfTable table = PdfTable.columns(3, 1, 3, 1)
                .header(t("deputy.archive.type"), t("deputy.archive.times"), t("deputy.archive.type"),
                        t("deputy.archive.times"))
                .align(1, Align.CENTER).align(3, Align.CENTER);
        List<String> cells = new ArrayList<>();
        PublicProfiles.allTypes(counts).forEach((type, n) -> {
            cells.add(t(type.messageKey()));
            cells.add(String.valueOf(n));
        });
        while (cells.size() % 4 != 0) {
            cells.add("");
        }
        for (int i = 0; i < cells.size(); i += 4) {
            table.row(cells.subList(i, i + 4).toArray(String[]::new));
        }
        return table.boldRow(t("deputy.archive.total"), String.valueOf(total), "", "");
    }

    private PdfTable diary(List<DutyRecordView> records) {
        PdfTable table = PdfTable.columns(2.1f, 2.3f, 5.6f, 2.4f, 1.5f)
                .header(t("deputy.archive.date"), t("deputy.archive.type"), t("deputy.archive.item"),
                        t("deputy.archive.place"), t("deputy.archive.status"))
                .align(0, Align.CENTER).align(4, Align.CENTER);
        for (DutyRecordView r : records) {
            String item = r.content() == null || r.content().isBlank() ? r.title() : r.title() + "\n" + r.content();
            table.row(r.occurredOn().toString(), t(r.type().messageKey()), item, or(r.place()),
                    t(r.status().messageKey()));
        }
        return table;
    }

    private PdfTable commitmentTable(List<CommitmentView> promised) {
        PdfTable table = PdfTable.columns(1.1f, 4.5f, 1.5f, 4.5f)
                .header(t("deputy.archive.year"), t("deputy.archive.commitment"), t("deputy.archive.status"),
                        t("deputy.archive.outcome"))
                .align(0, Align.CENTER).align(2, Align.CENTER);
        for (CommitmentView c : promised) {
            List<String> outcome = new ArrayList<>();
            if (c.progress() != null && !c.progress().isBlank()) {
                outcome.add(c.progress());
            }
            if (c.result() != null && !c.result().isBlank()) {
                outcome.add(c.result());
            }
            String what = c.detail() == null || c.detail().isBlank() ? c.title() : c.title() + "\n" + c.detail();
            table.row(String.valueOf(c.year()), what, t(c.status().messageKey()),
                    outcome.isEmpty() ? NONE : String.join("\n", outcome));
        }
        return table;
    }

    private static String or(@Nullable String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, CHINESE);
    }
}
