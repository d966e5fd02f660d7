package org.renda.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Reach;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.DutyState;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RuleKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The reception rule of each station, its reception days and the deputies on duty each day. */
@Repository
class ReceptionDayStore {

    private final JdbcClient jdbc;

    ReceptionDayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveRule(long stationId, long orgId, ReceptionRule r) {
        jdbc.sql("delete from reception_rule where station_id = ?").param(stationId).update();
        jdbc.sql("""
                insert into reception_rule (station_id, org_id, rule_kind, day_of_month, week_day, week_of_month, months,
                                            starts_at, ends_at, place, deputies_per_day, holiday_policy, notice_days)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stationId, orgId, r.kind().name(), r.dayOfMonth(), r.weekDay(), r.weekOfMonth(), r.months(),
                        r.startsAt(), r.endsAt(), r.place(), r.deputiesPerDay(), r.holidayPolicy().name(),
                        r.noticeDays())
                .update();
    }

    Optional<ReceptionRule> rule(long stationId) {
        return jdbc.sql("select * from reception_rule where station_id = ?").param(stationId)
                .query((rs, n) -> new ReceptionRule(RuleKind.valueOf(rs.getString("rule_kind")),
                        rs.getObject("day_of_month", Integer.class), rs.getObject("week_day", Integer.class),
                        rs.getObject("week_of_month", Integer.class), rs.getString("months"),
                        rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                        rs.getString("place"), rs.getInt("deputies_per_day"),
                        HolidayPolicy.valueOf(rs.getString("holiday_policy")), rs.getInt("notice_days")))
                .optional();
    }

    record DayRow(long id, long stationId, long orgId, int year, LocalDate ruleDate, LocalDate heldOn,
            LocalTime startsAt, LocalTime endsAt, String place, @Nullable String movedReason, DayState state,
            @Nullable String note, int records, int version) {}

    private static final String DAY = """
            select d.*, (select count(*) from reception_record r where r.day_id = d.id) as records
            from reception_day d""";

    long insertDay(long stationId, long orgId, int year, LocalDate ruleDate, LocalDate heldOn, LocalTime startsAt,
            LocalTime endsAt, String place, @Nullable String movedReason) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reception_day (station_id, org_id, for_year, rule_date, held_on, starts_at, ends_at, place,
                                           moved_reason, state, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', 0)""")
                .params(stationId, orgId, year, ruleDate, heldOn, startsAt, endsAt, place, movedReason)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateDay(long id, int version, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place,
            DayState state, @Nullable String note) {
        int n = jdbc.sql("""
                update reception_day set held_on = ?, starts_at = ?, ends_at = ?, place = ?, state = ?, note = ?,
                                         version = version + 1
                where id = ? and version = ?""")
                .params(heldOn, startsAt, endsAt, place, state.name(), note, id, version).update();
        StationStore.concurrent(n);
    }

    void setDayState(long id, DayState state) {
        jdbc.sql("update reception_day set state = ?, version = version + 1 where id = ?").params(state.name(), id)
                .update();
    }

    /** Removes the days of a year not yet held, from a date on, that nothing refers to; answers how many. */
    int deleteOpenDays(long stationId, int year, LocalDate from) {
        return jdbc.sql("""
                delete from reception_day d where d.station_id = ? and d.for_year = ? and d.held_on >= ?
                  and d.state = 'PLANNED' and not exists (select 1 from reception_record r where r.day_id = d.id)""")
                .params(stationId, year, from).update();
    }

    Optional<DayRow> day(long id) {
        return jdbc.sql(DAY + " where d.id = ?").param(id).query(ReceptionDayStore::day).optional();
    }

    List<DayRow> days(long stationId, int year) {
        return jdbc.sql(DAY + " where d.station_id = ? and d.for_year = ? order by d.held_on").params(stationId, year)
                .query(ReceptionDayStore::day).list();
    }

    List<DayRow> upcomingDays(long stationId, LocalDate from, int limit) {
        return jdbc.sql(DAY + " where d.station_id = :station and d.held_on >= :from and d.state = 'PLANNED'"
                        + " order by d.held_on limit :limit")
                .param("station", stationId).param("from", from).param("limit", limit)
                .query(ReceptionDayStore::day).list();
    }

    List<DayRow> missedDays(Reach orgs, LocalDate from, LocalDate before) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DAY + " " + """
                 where %s and d.held_on >= :from and d.held_on < :before and d.state = 'PLANNED'
                   and not exists (select 1 from reception_record r where r.day_id = d.id)
                 order by d.held_on""".formatted(orgs.sql("d.org_id")))
                .params(orgs.params()).param("from", from).param("before", before).query(ReceptionDayStore::day).list();
    }

    /** Planned days from {@code from} up to {@code to} (inclusive) of every station: the reminder job's input. */
    List<DayRow> plannedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(DAY + " where d.held_on between ? and ? and d.state = 'PLANNED' order by d.held_on")
                .params(from, to).query(ReceptionDayStore::day).list();
    }

    private static DayRow day(ResultSet rs, int n) throws SQLException {
        return new DayRow(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("org_id"), rs.getInt("for_year"),
                rs.getObject("rule_date", LocalDate.class), rs.getObject("held_on", LocalDate.class),
                rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                rs.getString("place"), rs.getString("moved_reason"), DayState.valueOf(rs.getString("state")),
                rs.getString("note"), rs.getInt("records"), rs.getInt("version"));
    }

    record DutyRow(long id, long dayId, long deputyId, long orgId, DutyState state, @Nullable OffsetDateTime notifiedAt,
            @Nullable String note) {}

    void insertDuty(long dayId, long deputyId, long orgId) {
        jdbc.sql("insert into reception_duty (day_id, deputy_id, org_id, state) values (?, ?, ?, 'ASSIGNED')")
                .params(dayId, deputyId, orgId).update();
    }

    int deleteDuty(long dayId, long deputyId) {
        return jdbc.sql("delete from reception_duty where day_id = ? and deputy_id = ?").params(dayId, deputyId).update();
    }

    /** Moves a duty to another deputy (a swap or staff's change): the new deputy has to confirm again. */
    int reassignDuty(long dutyId, long toDeputyId) {
        return jdbc.sql("""
                update reception_duty set deputy_id = ?, state = 'ASSIGNED', notified_at = null, answered_at = null,
                                          note = null
                where id = ?""").params(toDeputyId, dutyId).update();
    }

    void answerDuty(long dutyId, DutyState state, @Nullable String note) {
        jdbc.sql("update reception_duty set state = ?, note = ?, answered_at = ? where id = ?")
                .params(state.name(), note, OffsetDateTime.now(), dutyId).update();
    }

    void markNotified(long dutyId) {
        jdbc.sql("update reception_duty set notified_at = ? where id = ?").params(OffsetDateTime.now(), dutyId).update();
    }

    Optional<DutyRow> duty(long dutyId) {
        return jdbc.sql("select * from reception_duty where id = ?").param(dutyId).query(ReceptionDayStore::duty).optional();
    }

    Map<Long, List<DutyRow>> duties(Collection<Long> dayIds) {
        Map<Long, List<DutyRow>> out = new HashMap<>();
        if (dayIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from reception_duty where day_id in (:ids) order by day_id, id").param("ids", dayIds)
                .query(ReceptionDayStore::duty).list()
                .forEach(d -> out.computeIfAbsent(d.dayId(), k -> new ArrayList<>()).add(d));
        return out;
    }

    List<DutyRow> dutiesOfDeputy(long deputyId, LocalDate from) {
        return jdbc.sql("""
                select u.* from reception_duty u join reception_day d on d.id = u.day_id
                where u.deputy_id = ? and d.held_on >= ? and d.state = 'PLANNED' order by d.held_on""")
                .params(deputyId, from).query(ReceptionDayStore::duty).list();
    }

    private static DutyRow duty(ResultSet rs, int n) throws SQLException {
        return new DutyRow(rs.getLong("id"), rs.getLong("day_id"), rs.getLong("deputy_id"), rs.getLong("org_id"),
                DutyState.valueOf(rs.getString("state")), rs.getObject("notified_at", OffsetDateTime.class),
                rs.getString("note"));
    }
}
