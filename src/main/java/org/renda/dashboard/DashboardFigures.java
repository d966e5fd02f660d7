package org.renda.dashboard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One dashboard: a year's figures of one organisation's subtree, as the page draws them, the workbook lists
 * them and the API returns them. A section is null when the actor may not read that kind of record. Every
 * label is already in the reader's language; every {@code href} opens the records behind the figure. Rates
 * are fractions (0.5 = 50 %) with the definitions of the case figures page.
 */
public record DashboardFigures(int year, Place organisation, @Nullable Cases cases, @Nullable Duties duties,
        @Nullable Receptions receptions, @Nullable Appraisals appraisals, @Nullable Assessments assessments) {

    /** An organisation a dashboard can be drawn for. */
    public record Place(long id, String name) {}

    /** Collected, closed, overdue and rated cases of a town (or month): closed / collected, satisfied / rated. */
    public record CaseRow(String key, String label, long collected, long closed, double closureRate, long overdue,
            long rated, long satisfied, double satisfactionRate, String href) {

        static CaseRow of(String key, String label, long[] v, String href) {
            return new CaseRow(key, label, v[0], v[1], rate(v[1], v[0]), v[2], v[3], v[4], rate(v[4], v[3]), href);
        }
    }

    public record Cases(List<CaseRow> byTown, List<CaseRow> byMonth, CaseRow total) {}

    /** Duty records: verified ones and those waiting for review (rejected ones do not count). */
    public record DutyRow(String key, String label, long verified, long submitted, String href) {}

    public record Duties(List<DutyRow> byType, List<DutyRow> byTown, DutyRow total) {}

    /** Reception days: planned (not cancelled), held, missed (past, nothing recorded), cancelled; held / planned. */
    public record ReceptionRow(String key, String label, long planned, long held, long missed, long cancelled,
            double heldRate, String href) {

        static ReceptionRow of(String key, String label, long[] v, String href) {
            return new ReceptionRow(key, label, v[0], v[1], v[2], v[3], rate(v[1], v[0]), href);
        }
    }

    public record Receptions(List<ReceptionRow> byMonth, List<ReceptionRow> byTown, ReceptionRow total) {}

    public record CampaignRow(long id, String title, String kind, long subjects, long votes, String href) {}

    /** A vote's state and turnout: ballots cast (electronic and paper) of the deputies on the roll. */
    public record VoteRow(long id, String title, String state, boolean published, long eligible, long cast,
            double participation, String href) {}

    public record Appraisals(List<CampaignRow> campaigns, List<VoteRow> votes, long draft, long open, long closed,
            long published) {}

    public record PeriodRow(long id, String name, String kind, String stage, long subjects, long sheets,
            long submitted, String href) {}

    public record Assessments(List<PeriodRow> periods, long scoring) {}

    static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
