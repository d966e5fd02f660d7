package org.renda.station;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.station.StationEnums.DayState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reception days held against planned, per organisation and month of the day, for dashboards. Planned: every
 * day of the roster not cancelled. Held: marked held, or with a reception recorded on it. Missed: as on the home
 * page ({@link ReceptionLedger#missed}), a past day still planned with nothing recorded. The rest are to come.
 */
@Service
@Transactional(readOnly = true)
public class ReceptionTrends {

    public record Cell(long orgId, int month, long planned, long held, long missed, long cancelled) {}

    private static final String RECORDED = "exists (select 1 from reception_record r where r.day_id = d.id)";

    /** Which days behind a figure a drill-down lists. */
    public enum Measure {
        PLANNED("d.state <> 'CANCELLED'"),
        HELD("d.state <> 'CANCELLED' and (d.state = 'HELD' or " + RECORDED + ")"),
        MISSED("d.state = 'PLANNED' and d.held_on < :today and not " + RECORDED),
        CANCELLED("d.state = 'CANCELLED'");

        private final String condition;

        Measure(String condition) {
            this.condition = condition;
        }
    }

    public record DayLine(long id, long orgId, long stationId, String stationName, LocalDate heldOn, DayState state,
            int records) {}

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    ReceptionTrends(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** The reception days falling in the year of the stations of the organisations given, within reach. */
    public List<Cell> byOrgAndMonth(Collection<Long> within, int year, LocalDate today) {
        Reach reach = currentActor.reach(Permission.STATION_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.org_id, extract(month from d.held_on) as m,
                       sum(case when %s then 1 else 0 end), sum(case when %s then 1 else 0 end),
                       sum(case when %s then 1 else 0 end), sum(case when %s then 1 else 0 end)
                  from reception_day d where %s and d.held_on between :from and :to
                 group by d.org_id, extract(month from d.held_on) order by d.org_id, m""".formatted(
                        Measure.PLANNED.condition, Measure.HELD.condition, Measure.MISSED.condition,
                        Measure.CANCELLED.condition, reach.sql("d.org_id")))
                .params(reach.params()).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .param("today", today)
                .query((rs, n) -> new Cell(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /** The days behind a figure: the year or one month, oldest first. */
    public List<DayLine> days(Collection<Long> within, int year, @Nullable Integer month, Measure measure,
            LocalDate today, int limit) {
        Reach reach = currentActor.reach(Permission.STATION_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? LocalDate.of(year, 12, 31) : from.plusMonths(1).minusDays(1);
        return jdbc.sql("""
                select d.id, d.org_id, d.station_id, s.name, d.held_on, d.state,
                       (select count(*) from reception_record r where r.day_id = d.id)
                  from reception_day d join station s on s.id = d.station_id
                 where %s and d.held_on between :from and :to and %s
                 order by d.held_on, s.name, d.id limit :limit""".formatted(reach.sql("d.org_id"), measure.condition))
                .params(reach.params()).param("from", from).param("to", to).param("today", today)
                .param("limit", limit)
                .query((rs, n) -> new DayLine(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), DayState.valueOf(rs.getString(6)), rs.getInt(7)))
                .list();
    }
}
