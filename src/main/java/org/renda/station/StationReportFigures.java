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
        long activities = jdbc.sql("select count(*) from station_activity where " + reach.sql("org_id")
                + " and state = 'HELD' and held_on between :from and :to").params(p).query(Long.class).single();
        record Receptions(long records, long voters) {}
        Receptions r = jdbc.sql("select count(*), coalesce(sum(visitors), 0) from reception_record where "
                + reach.sql("org_id") + " and occurred_on between :from and :to").params(p)
                .query((rs, n) -> new Receptions(rs.getLong(1), rs.getLong(2))).single();
        record Items(long raised, long solved) {}
        Items i = jdbc.sql("""
                select count(*), coalesce(sum(case when i.resolved then 1 else 0 end), 0)
                  from reception_item i join reception_record r on r.id = i.record_id
                 where %s and r.occurred_on between :from and :to""".formatted(reach.sql("r.org_id"))).params(p)
                .query((rs, n) -> new Items(rs.getLong(1), rs.getLong(2))).single();
        String stations = "/stations?year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.STATIONS, 10, "stations.activities", "report.figure.stations.activities",
                        activities, ReportUnit.SESSION, stations),
                ReportFigure.count(ReportSection.STATIONS, 20, "stations.receptions", "report.figure.stations.receptions",
                        r.records(), ReportUnit.TIMES, stations),
                ReportFigure.count(ReportSection.STATIONS, 30, "stations.voters", "report.figure.stations.voters",
                        r.voters(), ReportUnit.PERSON_TIME, stations),
                ReportFigure.count(ReportSection.STATIONS, 40, "stations.matters", "report.figure.stations.matters",
                        i.raised(), ReportUnit.CLAUSE, stations),
                ReportFigure.count(ReportSection.STATIONS, 50, "stations.solved", "report.figure.stations.solved",
                        i.solved(), ReportUnit.PIECE, stations),
                ReportFigure.count(ReportSection.STATIONS, 60, "stations.stations", "report.figure.stations.stations",
                        stationCount(reach), ReportUnit.PIECE, stations));
    }

    private long stationCount(Reach reach) {
        return jdbc.sql("select count(*) from station where active and " + reach.sql("org_id")).params(reach.params())
                .query(Long.class).single();
    }
}
