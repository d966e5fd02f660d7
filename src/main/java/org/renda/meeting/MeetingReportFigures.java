package org.renda.meeting;

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
 * The meetings' figures of the annual report: the congress sessions and the presidium meetings held (closed) in
 * the year, and every meeting held, joint meetings and forums included.
 */
@Component
class MeetingReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    MeetingReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.MEETING_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("from", LocalDate.of(year, 1, 1));
        p.put("to", LocalDate.of(year, 12, 31));
        record Held(long sessions, long presidium, long all) {}
        Held h = jdbc.sql("""
                select coalesce(sum(case when kind = 'SESSION' then 1 else 0 end), 0),
                       coalesce(sum(case when kind = 'PRESIDIUM' then 1 else 0 end), 0), count(*)
                  from meeting where %s and state = 'CLOSED' and starts_on between :from and :to"""
                .formatted(reach.sql("org_id"))).params(p)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        // each figure opens the list of exactly the meetings it counts: the subtree's, started in the year, held
        String list = "/meetings?org=" + orgId + "&year=" + year + "&state=" + MeetingEnums.MeetingState.CLOSED;
        return List.of(
                ReportFigure.count(ReportSection.MEETINGS, 10, "meetings.sessions", "report.figure.meetings.sessions",
                        h.sessions(), ReportUnit.TIMES, list + "&kind=" + MeetingEnums.MeetingKind.SESSION),
                ReportFigure.count(ReportSection.MEETINGS, 20, "meetings.presidium", "report.figure.meetings.presidium",
                        h.presidium(), ReportUnit.TIMES, list + "&kind=" + MeetingEnums.MeetingKind.PRESIDIUM),
                ReportFigure.count(ReportSection.MEETINGS, 30, "meetings.all", "report.figure.meetings.all", h.all(),
                        ReportUnit.SESSION, list));
    }
}
