package org.renda.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The calendar_day and calendar_seed tables; nothing outside this module touches them. */
@Repository
class CalendarStore {

    private static final String COLUMNS = "id, org_id, calendar_date, kind, name";

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every listed day of a year, of every organisation: what the in-memory calendar is built from. */
    List<CalendarDay> inYear(int year) {
        return jdbc.sql("select " + COLUMNS + " from calendar_day where calendar_date between ? and ? order by calendar_date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(CalendarStore::map).list();
    }

    Optional<CalendarDay> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from calendar_day where id = ?").param(id).query(CalendarStore::map)
                .optional();
    }

    Optional<CalendarDay> find(long orgId, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from calendar_day where org_id = ? and calendar_date = ?")
                .params(orgId, date).query(CalendarStore::map).optional();
    }

    boolean anyIn(long orgId, int year) {
        return jdbc.sql("select count(*) from calendar_day where org_id = ? and calendar_date between ? and ?")
                .params(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Long.class).single() > 0;
    }

    long insert(long orgId, LocalDate date, DayKind kind, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into calendar_day (org_id, calendar_date, kind, name, created_at) values (?, ?, ?, ?, ?)")
                .params(orgId, date, kind.name(), name, OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, DayKind kind, String name) {
        jdbc.sql("update calendar_day set kind = ?, name = ? where id = ?").params(kind.name(), name, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from calendar_day where id = ?").param(id).update();
    }

    /**
     * Records a bundled file as loaded; false when it already was. The primary key is the guard when two
     * instances start at once: the second one's insert waits for the first and then does nothing.
     */
    boolean markSeeded(String name) {
        return jdbc.sql("insert into calendar_seed (name, loaded_at) values (?, ?) on conflict do nothing")
                .params(name, OffsetDateTime.now()).update() == 1;
    }

    private static CalendarDay map(ResultSet rs, int n) throws SQLException {
        return new CalendarDay(rs.getLong("id"), rs.getLong("org_id"), rs.getObject("calendar_date", LocalDate.class),
                DayKind.valueOf(rs.getString("kind")), rs.getString("name"));
    }
}
