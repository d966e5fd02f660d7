package org.renda.meeting;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionViews.ByElectionFigure;
import org.renda.meeting.ElectionViews.ElectionSummary;
import org.renda.meeting.ElectionViews.ElectionView;
import org.renda.meeting.ElectionViews.ElectionFigures;
import org.renda.meeting.ElectionViews.ElectionRoundView;
import org.renda.meeting.ElectionViews.ElectionSessionFigure;
import org.renda.shared.excel.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The by-elections of a term as .xlsx (in Chinese, like every printed ledger): one line each with its figures, the sums per organisation, the sessions. */
@Component
class ElectionExport {

    private final ElectionDesk desk;
    private final MessageSource messages;

    ElectionExport(ElectionDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    record File(byte[] data, String filename) {}

    File byElections(@Nullable Integer termStart) {
        ElectionFigures figures = desk.figures(termStart);
        List<List<?>> lines = new ArrayList<>();
        int n = 0;
        for (ElectionSummary s : desk.list(ElectionKind.BY_ELECTION)) {
            ElectionView e = desk.get(s.id());
            if (e.termStart() == null || e.termStart() != figures.termStart()) {
                continue;
            }
            ElectionRoundView last = e.rounds().stream().filter(ElectionRoundView::valid).reduce((a, b) -> b).orElse(null);
            lines.add(List.of(++n, e.orgName(), e.district() == null ? "" : e.district(),
                    e.vacancy() == null ? "" : e.vacancy(), e.title(),
                    e.registeredVoters() == null ? "" : e.registeredVoters(),
                    last == null || last.votesCast() == null ? "" : last.votesCast(),
                    last == null || last.votesCast() == null || last.registeredVoters() == null ? ""
                            : Math.round(last.votesCast() * 1000.0 / last.registeredVoters()) / 10.0 + "%",
                    s.elected(), s.votedOn() == null ? "" : s.votedOn().toString(),
                    e.review() == null ? t("election.review.pending") : t(e.review().outcome().messageKey()),
                    e.review() == null ? "" : e.review().reviewedOn().toString(),
                    e.candidates().stream().filter(c -> c.seatDeputyId() != null).count(),
                    s.stepsDone() + "/" + s.stepsTotal(), t(e.status().messageKey())));
        }
        List<List<?>> perOrg = new ArrayList<>();
        for (ByElectionFigure f : figures.byElections()) {
            perOrg.add(List.of(f.orgName(), f.held(), f.confirmed(), f.refused(), f.open(), f.seatsAdded()));
        }
        ByElectionFigure total = figures.total();
        perOrg.add(List.of(t("election.figures.total"), total.held(), total.confirmed(), total.refused(), total.open(),
                total.seatsAdded()));
        List<List<?>> sessions = new ArrayList<>();
        for (ElectionSessionFigure f : figures.sessions()) {
            sessions.add(List.of(f.orgName(), f.sitting(), f.elections(), f.elected(), f.sworn()));
        }
        byte[] data = Xlsx.writeSheets(List.of(
                new Xlsx.SheetData(t("election.export.sheet"), List.of(t("election.export.no"), t("election.org"),
                        t("election.district"), t("election.vacancy"), t("election.title"),
                        t("election.registeredVoters"), t("election.votesCast"), t("election.turnout"),
                        t("election.elected"), t("election.votedOn"), t("election.review.title"),
                        t("election.review.reviewedOn"), t("election.figures.seatsAdded"), t("election.steps"),
                        t("election.status")), lines),
                new Xlsx.SheetData(t("election.figures.byElections"), List.of(t("election.org"),
                        t("election.figures.held"), t("election.figures.confirmed"), t("election.figures.refused"),
                        t("election.figures.open"), t("election.figures.seatsAdded")), perOrg),
                new Xlsx.SheetData(t("election.figures.sessions"), List.of(t("election.org"), t("election.sitting"),
                        t("election.figures.elections"), t("election.figures.elected"), t("election.figures.sworn")),
                        sessions)));
        return new File(data, t("election.export.file", String.valueOf(figures.termStart())) + ".xlsx");
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
