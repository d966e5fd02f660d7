package org.renda.deputy;

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
 * The deputies' figures of the annual report, from their verified duty records of the year (a record counts once
 * staff verified it, as in the archive): deputies reporting to their voters (代表向选民述职, counted per report:
 * 人次) and all duties performed.
 */
@Component
class DutyReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    DutyReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.DEPUTY_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("from", LocalDate.of(year, 1, 1));
        p.put("to", LocalDate.of(year, 12, 31));
        p.put("report", DutyType.REPORT_TO_VOTERS.name());
        record Counts(long reports, long duties) {}
        Counts c = jdbc.sql("""
                select coalesce(sum(case when type = :report then 1 else 0 end), 0), count(*)
                  from duty_record
                 where %s and status = 'VERIFIED' and occurred_on between :from and :to"""
                .formatted(reach.sql("org_id"))).params(p)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
        String list = "/duties/verified?org=" + orgId + "&year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.DEPUTIES, 10, "deputies.reportsToVoters",
                        "report.figure.deputies.reportsToVoters", c.reports(), ReportUnit.PERSON_TIME,
                        list + "&type=" + DutyType.REPORT_TO_VOTERS.name()),
                ReportFigure.count(ReportSection.DEPUTIES, 20, "deputies.duties", "report.figure.deputies.duties",
                        c.duties(), ReportUnit.TIMES, list));
    }
}
