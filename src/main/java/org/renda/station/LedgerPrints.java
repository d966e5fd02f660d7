package org.renda.station;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.renda.shared.excel.Xlsx;
import org.renda.shared.pdf.PageFormat;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable;
import org.renda.station.StationViews.Figures;
import org.renda.station.StationViews.ItemView;
import org.renda.station.StationViews.Named;
import org.renda.station.StationViews.RecordView;
import org.renda.station.StationViews.StationView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station ledger as the paper ledgers keep it (接待选民工作台账): one row per reception or visit with the
 * deputies present, the visitor (phone masked), the matters raised, what was answered and how each was handled;
 * the figures of the period on top. As .xlsx and as an A4 landscape PDF, in Chinese.
 */
@Service
@Transactional(readOnly = true)
public class LedgerPrints {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final StationNetwork network;
    private final ReceptionLedger ledger;
    private final ReceptionRoster roster;
    private final MessageSource messages;

    LedgerPrints(StationNetwork network, ReceptionLedger ledger, ReceptionRoster roster, MessageSource messages) {
        this.network = network;
        this.ledger = ledger;
        this.roster = roster;
        this.messages = messages;
    }

    /** A rendered file and the name it is saved under. */
    public record File(byte[] data, String filename) {}

    public File xlsx(long stationId, LocalDate from, LocalDate to) {
        StationView s = network.get(stationId);
        List<List<?>> rows = new ArrayList<>();
        int n = 0;
        for (RecordView r : ledger.records(stationId, from, to)) {
            rows.add(List.of(++n, r.occurredOn().toString(), t(r.kind().messageKey()), r.place(), deputies(r),
                    r.anonymous() ? t("station.record.anonymous") : r.visitorLabel(), r.visitors(), items(r),
                    answers(r), handling(r)));
        }
        byte[] data = Xlsx.write(t("station.ledger.sheet"), List.of(t("station.ledger.no"), t("station.ledger.date"),
                t("station.ledger.kind"), t("station.ledger.place"), t("station.ledger.deputies"),
                t("station.ledger.visitor"), t("station.ledger.visitors"), t("station.ledger.items"),
                t("station.ledger.answers"), t("station.ledger.handling")), rows);
        return new File(data, t("station.ledger.file", s.name(), from.toString(), to.toString()) + ".xlsx");
    }

    public File figuresXlsx(LocalDate from, LocalDate to) {
        List<List<?>> rows = new ArrayList<>();
        for (Figures f : ledger.figures(from, to)) {
            rows.add(List.of(f.stationName(), f.orgName(), f.receptionDays(), f.receptions(), f.visits(), f.voters(),
                    f.opinions(), f.resolved(), f.resolvedPercent() + "%", f.casesOpened(), f.activities()));
        }
        byte[] data = Xlsx.write(t("station.figures.sheet"), List.of(t("station.figures.station"),
                t("station.figures.org"), t("station.figures.receptionDays"), t("station.figures.receptions"),
                t("station.figures.visits"), t("station.figures.voters"), t("station.figures.opinions"),
                t("station.figures.resolved"), t("station.figures.resolvedRate"), t("station.figures.cases"),
                t("station.figures.activities")), rows);
        return new File(data, t("station.figures.file", from.toString(), to.toString()) + ".xlsx");
    }

    public File pdf(long stationId, LocalDate from, LocalDate to) {
        StationView s = network.get(stationId);
        Figures f = ledger.figures(stationId, from, to);
        List<RecordView> records = ledger.records(stationId, from, to);
        String period = DATE.format(from) + " — " + DATE.format(to);
        try (PdfDocument pdf = PdfDocument.create(PageFormat.A4_LANDSCAPE, 14, t("station.ledger.title") + " " + s.name())) {
            pdf.title(s.name() + " " + t("station.ledger.title"));
            pdf.subtitle(period + " · " + s.address());
            pdf.heading(t("station.ledger.summary"));
            pdf.table(PdfTable.columns(1, 1, 1, 1, 1, 1).header(t("station.figures.receptions"),
                    t("station.figures.visits"), t("station.figures.voters"), t("station.figures.opinions"),
                    t("station.figures.resolved"), t("station.figures.cases"))
                    .row(String.valueOf(f.receptions()), String.valueOf(f.visits()), String.valueOf(f.voters()),
                            String.valueOf(f.opinions()), f.resolved() + "（" + f.resolvedPercent() + "%）",
                            String.valueOf(f.casesOpened())));
            pdf.heading(t("station.ledger.rows"));
            if (records.isEmpty()) {
                pdf.paragraph(t("station.ledger.empty"));
            } else {
                PdfTable table = PdfTable.columns(0.8f, 1.6f, 0.8f, 1.6f, 1.6f, 2.4f, 0.8f, 3.2f, 2.2f, 2.0f)
                        .header(t("station.ledger.no"), t("station.ledger.date"), t("station.ledger.kind"),
                                t("station.ledger.place"), t("station.ledger.deputies"), t("station.ledger.visitor"),
                                t("station.ledger.visitors"), t("station.ledger.items"), t("station.ledger.answers"),
                                t("station.ledger.handling"));
                int n = 0;
                for (RecordView r : records) {
                    table.row(String.valueOf(++n), r.occurredOn().toString(), t(r.kind().messageKey()), r.place(),
                            deputies(r), r.anonymous() ? t("station.record.anonymous") : r.visitorLabel(),
                            String.valueOf(r.visitors()), items(r), answers(r), handling(r));
                }
                pdf.table(table);
            }
            pdf.space(12);
            pdf.paragraph(t("station.ledger.sign"), PdfStyle.BODY);
            byte[] bytes = pdf.toBytes((page, pages) -> t("station.ledger.footer", s.name(), period,
                    String.valueOf(page), String.valueOf(pages)));
            return new File(bytes, t("station.ledger.file", s.name(), from.toString(), to.toString()) + ".pdf");
        }
    }

    /**
     * The poster for the station's door (A4): name, address, hours, the reception day in words, the next reception
     * days with their deputies, and a large QR code to the public page (where the opinion form is one tap away).
     */
    public File poster(long stationId, String publicUrl) {
        StationView s = network.get(stationId);
        var rule = roster.rule(stationId);
        var next = roster.upcoming(stationId, LocalDate.now(), 3);
        try (PdfDocument pdf = PdfDocument.create(PageFormat.A4, 18, s.name())) {
            float w = pdf.contentWidth();
            float x = pdf.margin();
            pdf.box(x, pdf.margin(), w, PdfDocument.mm(30), PdfStyle.RED, null, 0);
            pdf.text(s.name(), PdfStyle.TITLE.withSize(26).withColor(java.awt.Color.WHITE), x,
                    pdf.margin() + PdfDocument.mm(9), w, org.renda.shared.pdf.PdfTable.Align.CENTER);
            pdf.moveCursor(pdf.margin() + PdfDocument.mm(38));
            pdf.paragraph(t("station.poster.address", s.address()), PdfStyle.BODY.withSize(15));
            if (s.openingHours() != null) {
                pdf.paragraph(t("station.poster.hours", s.openingHours()), PdfStyle.BODY.withSize(15));
            }
            if (s.contactPhone() != null) {
                pdf.paragraph(t("station.poster.phone", s.contactPhone()), PdfStyle.BODY.withSize(15));
            }
            rule.ifPresent(r -> pdf.paragraph(t("station.poster.rule", describe(r)), PdfStyle.BODY.withSize(15).asBold()));
            if (!next.isEmpty()) {
                pdf.heading(t("station.public.next"));
                for (var d : next) {
                    pdf.paragraph(DATE.format(d.heldOn()) + " " + d.startsAt() + "—" + d.endsAt() + "  "
                            + d.duties().stream().map(StationViews.DutyView::deputyName)
                                    .collect(Collectors.joining("、")), PdfStyle.BODY.withSize(14));
                }
            }
            float side = PdfDocument.mm(80);
            float top = Math.max(pdf.cursor() + PdfDocument.mm(8), pdf.pageHeight() - pdf.margin() - side
                    - PdfDocument.mm(30));
            pdf.qrCode(org.renda.shared.qr.QrCode.of(publicUrl), x + (w - side) / 2, top, side);
            pdf.text(t("station.poster.scan"), PdfStyle.TITLE.withSize(16), x, top + side + PdfDocument.mm(2), w,
                    org.renda.shared.pdf.PdfTable.Align.CENTER);
            return new File(pdf.toBytes(null), t("station.poster.file", s.name()) + ".pdf");
        }
    }

    /** The rule in words: "每月5日 09:00—11:30，遇节假日或周末顺延". */
    String describe(ReceptionRule r) {
        String when = switch (r.kind()) {
            case MONTHLY_DAY -> t("station.poster.monthlyDay", String.valueOf(r.dayOfMonth()));
            case MONTHLY_WEEKDAY -> t("station.poster.monthlyWeekday", t("station.rule.week." + r.weekOfMonth()),
                    t("station.weekday." + r.weekDay()));
            case WEEKLY -> t("station.poster.weekly", t("station.weekday." + r.weekDay()));
        };
        String months = r.months().equals(ReceptionRule.EVERY_MONTH) ? ""
                : r.months().equals(ReceptionRule.ODD_MONTHS) ? t("station.poster.oddMonths")
                : r.months().equals(ReceptionRule.EVEN_MONTHS) ? t("station.poster.evenMonths")
                : t("station.poster.months", java.util.stream.IntStream.rangeClosed(1, 12).filter(r::runsIn)
                        .mapToObj(String::valueOf).collect(Collectors.joining("、")));
        return months + when + " " + r.startsAt() + "—" + r.endsAt() + t("station.poster.policy."
                + r.holidayPolicy().name());
    }

    private static String deputies(RecordView r) {
        return r.deputies().stream().map(Named::name).collect(Collectors.joining("、"));
    }

    private static String items(RecordView r) {
        if (r.items().isEmpty()) {
            return r.summary();
        }
        return r.items().stream().map(i -> i.seq() + ". 【" + i.category() + "】" + i.content())
                .collect(Collectors.joining("\n"));
    }

    private static String answers(RecordView r) {
        return r.items().stream().filter(i -> i.answer() != null).map(i -> i.seq() + ". " + i.answer())
                .collect(Collectors.joining("\n"));
    }

    private String handling(RecordView r) {
        return r.items().stream().map(i -> i.seq() + ". " + handling(i)).collect(Collectors.joining("\n"));
    }

    private String handling(ItemView i) {
        if (i.caseId() != null) {
            return t(i.resolved() ? "station.item.caseClosed" : "station.item.caseOpen", i.caseReceipt());
        }
        return t(i.resolved() ? "station.item.resolved" : "station.item.open");
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }
}
