package org.renda.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the duty-report pages and API show: plans, sittings, officials, questions and the term's figures. */
public final class OfficialReportViews {

    private OfficialReportViews() {}

    /** A term's figures: officials due to report, scheduled to a sitting, reported, and voted on. */
    public record Figures(int due, int scheduled, int reported, int voted) {

        public int remaining() {
            return due - reported;
        }

        Figures plus(Figures o) {
            return new Figures(due + o.due, scheduled + o.scheduled, reported + o.reported, voted + o.voted);
        }
    }

    /** An official who reported, in a list of them (the annual report's officials' reports link to one). */
    public record ReportedLine(long id, long planId, long orgId, String orgName, String name, String position,
            OfficialReportState state, @Nullable LocalDate reportedOn) {}

    public record PlanSummary(long id, long orgId, String orgName, int termNo, String title, Figures figures) {}

    /** A congress sitting the officials report at; {@code voteId}: the secret vote created for it. */
    public record SittingView(long id, LocalDate heldOn, String meeting, @Nullable Long voteId, int reporting,
            int reported, int voted) {}

    public record QuestionView(long id, String askedBy, String question, @Nullable String answer) {}

    /** One official's report: state, sitting, the report, the deputies' questions and the vote's result. */
    public record OfficialView(long id, String name, String position, OfficialReportState state,
            @Nullable Long sittingId, @Nullable String meeting, @Nullable LocalDate heldOn,
            @Nullable LocalDate reportedOn, @Nullable String summary, List<QuestionView> questions,
            @Nullable Integer satisfied, @Nullable Integer validVotes, @Nullable BigDecimal rate, int version) {

        /** The satisfaction rate as people read it ("86.7%"), or blank before the vote. */
        public String ratePercent() {
            return rate == null ? "" : OfficialReportDesk.percent(rate);
        }

        /** The title the official stands under on the ballot. */
        public String voteTitle() {
            return position + " " + name;
        }
    }

    public record PlanView(long id, long orgId, String orgName, int termNo, String title, List<SittingView> sittings,
            List<OfficialView> officials, Figures figures) {}

    /** One organisation's line of the county's figures. */
    public record OrgFigures(long orgId, String orgName, int plans, Figures figures) {}

    /** A county (or any organisation) and a term: the sum over the organisations below it. */
    public record TermFigures(long orgId, String orgName, int termNo, List<OrgFigures> rows, Figures total) {}
}
