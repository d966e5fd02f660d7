package org.renda.station;

import java.util.List;
import java.time.LocalDate;
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
 * The stations' figures of the annual report: the activities held at stations (联系群众活动), the reception
 * records (receptions and visits), the voters received, the matters they raised and those solved (on the spot or
 * through a tracked case that was closed is counted by casework; here the matters answered on the spot).
 */
@Component
class StationReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    StationReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.STATION_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new java.util.HashMap<>(reach.params());
        p.put("from", LocalDate.of(year, 1, 1));
        p.put("to", LocalDate.of(year, 12, 31));
        record Counts(long activities, long records, long voters, long raised, long solved, long stations) {}
        Counts c = jdbc.sql("""
                select held.n, rec.n, rec.voters, items.n, items.solved, st.n
                  from (select count(*) n from station_activity
                         where %1$s and state = 'HELD' and held_on between :from and :to) held
                 cross join (select count(*) n, coalesce(sum(visitors), 0) voters from reception_record
                              where %1$s and occurred_on between :from and :to) rec
                 cross join (select count(*) n, coalesce(sum(case when i.resolved then 1 else 0 end), 0) solved
                               from reception_item i join reception_record r on r.id = i.record_id
                              where %2$s and r.occurred_on between :from and :to) items
                 cross join (select count(*) n from station where active and %1$s) st"""
                .formatted(reach.sql("org_id"), reach.sql("r.org_id"))).params(p)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6))).single();
        String stations = "/stations?year=" + year;
        String activities = "/stations/activities?org=" + orgId + "&year=" + year;
        String records = "/stations/receptions?org=" + orgId + "&year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.STATIONS, 10, "stations.activities", "report.figure.stations.activities",
                        c.activities(), ReportUnit.SESSION, activities),
                ReportFigure.count(ReportSection.STATIONS, 20, "stations.receptions", "report.figure.stations.receptions",
                        c.records(), ReportUnit.TIMES, records),
                ReportFigure.count(ReportSection.STATIONS, 30, "stations.voters", "report.figure.stations.voters",
                        c.voters(), ReportUnit.PERSON_TIME, records),
                ReportFigure.count(ReportSection.STATIONS, 40, "stations.matters", "report.figure.stations.matters",
                        c.raised(), ReportUnit.CLAUSE, records),
                ReportFigure.count(ReportSection.STATIONS, 50, "stations.solved", "report.figure.stations.solved",
                        c.solved(), ReportUnit.PIECE, records + "&solved=true"),
                ReportFigure.count(ReportSection.STATIONS, 60, "stations.stations", "report.figure.stations.stations",
                        c.stations(), ReportUnit.PIECE, stations));
    }
}
