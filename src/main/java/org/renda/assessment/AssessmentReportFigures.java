package org.renda.assessment;

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
 * The assessment figures of the annual report: of the year's annual assessments whose results are signed off
 * (signed, published or final), the subjects ranked, those given an award tier, and those vetoed.
 */
@Component
class AssessmentReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    AssessmentReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.ASSESSMENT_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("year", year);
        record Results(long ranked, long awarded, long vetoed) {}
        Results r = jdbc.sql("""
                select count(*), coalesce(sum(case when r.tier_code is not null then 1 else 0 end), 0),
                       coalesce(sum(case when r.vetoed then 1 else 0 end), 0)
                  from assessment_result r join assessment_period p on p.id = r.period_id
                 where %s and p.for_year = :year and p.kind = 'ANNUAL'
                   and p.status in ('SIGNED', 'PUBLISHED', 'FINAL')""".formatted(reach.sql("p.org_id"))).params(p)
                .query((rs, n) -> new Results(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        String list = "/assessments/annual-results?org=" + orgId + "&year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.ASSESSMENT, 10, "assessment.ranked", "report.figure.assessment.ranked",
                        r.ranked(), ReportUnit.PIECE, list),
                ReportFigure.count(ReportSection.ASSESSMENT, 20, "assessment.awarded",
                        "report.figure.assessment.awarded", r.awarded(), ReportUnit.PIECE, list + "&show=AWARDED"),
                ReportFigure.count(ReportSection.ASSESSMENT, 30, "assessment.vetoed", "report.figure.assessment.vetoed",
                        r.vetoed(), ReportUnit.PIECE, list + "&show=VETOED"));
    }
}
