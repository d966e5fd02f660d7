package org.renda.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportFigureSource;
import org.renda.report.spi.ReportSection;
import org.renda.report.spi.ReportUnit;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appraisal figures of the annual report: the units and reports under review in the year's campaigns, the
 * satisfaction votes closed in the year with the subjects they rated, the average and the lowest satisfaction
 * rate (as the votes' sealed results state them), and the rectification ledger of the year — every finding of
 * appraisals and of supervision (督查发现问题) and those accepted as rectified (整改).
 */
@Component
class AppraisalReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;
    private final VoteDesk votes;

    AppraisalReportFigures(JdbcClient jdbc, VoteDesk votes) {
        this.jdbc = jdbc;
        this.votes = votes;
    }

    @Override
    public Permission permission() {
        return Permission.APPRAISAL_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("year", year);
        ZoneId zone = ZoneId.systemDefault();
        p.put("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()));
        p.put("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()));
        record Counts(long subjects, long findings, long rectified) {}
        Counts c = jdbc.sql("""
                select subjects.n, ledger.n, ledger.rectified
                  from (select count(*) n from appraisal_subject s join appraisal_campaign c on c.id = s.campaign_id
                         where %1$s and c.for_year = :year) subjects
                 cross join (select count(*) n, coalesce(sum(case when r.state = 'ACCEPTED' then 1 else 0 end), 0) rectified
                               from rectification r left join appraisal_campaign c on c.id = r.campaign_id
                              where %2$s and coalesce(r.for_year, c.for_year) = :year) ledger"""
                .formatted(reach.sql("c.org_id"), reach.sql("r.org_id"))).params(p)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        List<Long> closed = jdbc.sql("select id from vote where " + reach.sql("org_id")
                + " and state = 'CLOSED' and closed_at >= :from and closed_at < :to order by id").params(p)
                .query(Long.class).list();
        List<BigDecimal> rates = new ArrayList<>();
        for (long voteId : closed) {
            VoteDetail d = votes.detail(voteId);
            if (d.results() != null) {
                for (SubjectResult r : d.results().rows()) {
                    if (r.valid() > 0) {
                        rates.add(r.rate());
                    }
                }
            }
        }
        BigDecimal average = rates.isEmpty() ? BigDecimal.ZERO
                : rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(rates.size()), 6, RoundingMode.HALF_UP);
        BigDecimal lowest = rates.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        // the subjects of the subtree's campaigns of the year; the votes closed in the year with the subjects rated
        String list = "/appraisals?org=" + orgId + "&year=" + year;
        String closedVotes = "/appraisals/votes?org=" + orgId + "&year=" + year;
        // the ledger of the subtree's year, every source's findings (Rectifications.ofYear)
        String ledger = "/supervision/rectifications?org=" + orgId + "&year=" + year;
        List<ReportFigure> out = new ArrayList<>(List.of(
                ReportFigure.count(ReportSection.APPRAISAL, 10, "appraisal.subjects", "report.figure.appraisal.subjects",
                        c.subjects(), ReportUnit.PIECE, list),
                ReportFigure.count(ReportSection.APPRAISAL, 20, "appraisal.votes", "report.figure.appraisal.votes",
                        closed.size(), ReportUnit.TIMES, closedVotes),
                ReportFigure.count(ReportSection.APPRAISAL, 30, "appraisal.rated", "report.figure.appraisal.rated",
                        rates.size(), ReportUnit.PIECE, closedVotes + "#rated"),
                ReportFigure.count(ReportSection.SUPERVISION, 50, "rectification.findings",
                        "report.figure.rectification.findings", c.findings(), ReportUnit.CLAUSE, ledger),
                ReportFigure.count(ReportSection.SUPERVISION, 60, "rectification.rectified",
                        "report.figure.rectification.rectified", c.rectified(), ReportUnit.CLAUSE,
                        ledger + "&state=" + AppraisalEnums.RectificationState.ACCEPTED)));
        if (!rates.isEmpty()) { // a rate of no vote would read as 0%
            out.add(ReportFigure.fraction(ReportSection.APPRAISAL, 40, "appraisal.averageRate",
                    "report.figure.appraisal.averageRate", average, closedVotes + "#rated"));
            out.add(ReportFigure.fraction(ReportSection.APPRAISAL, 50, "appraisal.lowestRate",
                    "report.figure.appraisal.lowestRate", lowest, closedVotes + "#rated"));
        }
        return out;
    }
}
