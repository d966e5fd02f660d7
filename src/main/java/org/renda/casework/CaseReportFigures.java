package org.renda.casework;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The casework figures of the annual report: the opinions and suggestions received in the year (every source) and
 * those of them closed by now, with the closure rate. They link to the case list filtered the same way
 * ({@code /cases?view=all&org=&year=[&state=CLOSED]}), which counts the same rows.
 */
@Component
class CaseReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    CaseReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.CASE_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        ZoneId zone = ZoneId.systemDefault();
        p.put("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()));
        p.put("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()));
        record Counts(long received, long closed) {}
        Counts c = jdbc.sql("""
                select count(*), coalesce(sum(case when state = 'CLOSED' then 1 else 0 end), 0)
                  from case_item where %s and created_at >= :from and created_at < :to""".formatted(reach.sql("org_id")))
                .params(p).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
        String list = "/cases?view=all&org=" + orgId + "&year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.CASEWORK, 10, "casework.received", "report.figure.casework.received",
                        c.received(), ReportUnit.ITEM, list),
                ReportFigure.count(ReportSection.CASEWORK, 20, "casework.closed", "report.figure.casework.closed",
                        c.closed(), ReportUnit.ITEM, list + "&state=CLOSED"),
                ReportFigure.rate(ReportSection.CASEWORK, 30, "casework.closedRate", "report.figure.casework.closedRate",
                        c.closed(), c.received(), list + "&state=CLOSED"));
    }
}
