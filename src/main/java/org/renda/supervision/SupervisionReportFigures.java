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
        long topics = jdbc.sql("select count(*) from supervision_subject where " + reach.sql("org_id")
                + " and for_year = :year").params(p).query(Long.class).single();
        record Held(long all, long inspections) {}
        Held held = jdbc.sql("""
                select count(*), coalesce(sum(case when kind = 'INSPECTION' then 1 else 0 end), 0)
                  from supervision_activity
                 where %s and state = 'HELD' and held_on between :from and :to""".formatted(reach.sql("org_id")))
                .params(p).query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2))).single();
        long officials = jdbc.sql("select count(*) from official_report where " + reach.sql("org_id")
                + " and state in ('REPORTED', 'VOTED') and reported_on between :from and :to").params(p)
                .query(Long.class).single();
        String list = "/supervision?year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.SUPERVISION, 10, "supervision.topics", "report.figure.supervision.topics",
                        topics, ReportUnit.PIECE, list),
                ReportFigure.count(ReportSection.SUPERVISION, 20, "supervision.activities",
                        "report.figure.supervision.activities", held.all(), ReportUnit.TIMES, list),
                ReportFigure.count(ReportSection.SUPERVISION, 30, "supervision.inspections",
                        "report.figure.supervision.inspections", held.inspections(), ReportUnit.TIMES, list),
                ReportFigure.count(ReportSection.SUPERVISION, 40, "supervision.officialReports",
                        "report.figure.supervision.officialReports", officials, ReportUnit.PERSON,
                        "/supervision/official-reports"));
    }
}
