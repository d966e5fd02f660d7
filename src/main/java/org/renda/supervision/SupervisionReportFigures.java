package org.renda.supervision;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportFigureSource;
import org.renda.report.spi.ReportSection;
import org.renda.report.spi.ReportUnit;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supervision figures of the annual report: the topics tracked in the year (专题, one group each), the
 * supervision activities held (of them the inspections: 视察、督查), and the officials who reported on their duties
 * to the deputies in the year (述职). The findings and their rectification are the rectification ledger's (the
 * appraisal module's figures).
 */
@Component
class SupervisionReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    SupervisionReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.SUPERVISION_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("year", year);
        p.put("from", LocalDate.of(year, 1, 1));
        p.put("to", LocalDate.of(year, 12, 31));
        record Counts(long topics, long held, long inspections, long officials) {}
        Counts c = jdbc.sql("""
                select topics.n, held.n, held.inspections, officials.n
                  from (select count(*) n from supervision_subject where %1$s and for_year = :year) topics
                 cross join (select count(*) n, coalesce(sum(case when kind = 'INSPECTION' then 1 else 0 end), 0) inspections
                               from supervision_activity
                              where %1$s and state = 'HELD' and held_on between :from and :to) held
                 cross join (select count(*) n from official_report
                              where %1$s and state in ('REPORTED', 'VOTED') and reported_on between :from and :to) officials"""
                .formatted(reach.sql("org_id"))).params(p)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        // each figure opens the list of exactly the records it counts: the subtree's, of the year
        String scope = "?org=" + orgId + "&year=" + year;
        String held = "/supervision/activities" + scope + "&state=" + SupervisionEnums.ActivityState.HELD;
        return List.of(
                ReportFigure.count(ReportSection.SUPERVISION, 10, "supervision.topics", "report.figure.supervision.topics",
                        c.topics(), ReportUnit.PIECE, "/supervision" + scope),
                ReportFigure.count(ReportSection.SUPERVISION, 20, "supervision.activities",
                        "report.figure.supervision.activities", c.held(), ReportUnit.TIMES, held),
                ReportFigure.count(ReportSection.SUPERVISION, 30, "supervision.inspections",
                        "report.figure.supervision.inspections", c.inspections(), ReportUnit.TIMES,
                        held + "&kind=" + SupervisionEnums.ActivityKind.INSPECTION),
                ReportFigure.count(ReportSection.SUPERVISION, 40, "supervision.officialReports",
                        "report.figure.supervision.officialReports", c.officials(), ReportUnit.PERSON,
                        "/supervision/official-reports" + scope + "&state=" + OfficialReportState.REPORTED));
    }
}
