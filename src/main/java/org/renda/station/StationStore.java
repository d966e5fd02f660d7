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
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.ActivityState;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.DutyState;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationEnums.RuleKind;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.ItemView;
import org.renda.station.StationViews.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The station tables. Names of deputies and organisations are filled in by the facades. */
@Repository
class StationStore {

    private final JdbcClient jdbc;

    StationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- stations

    record Row(long id, long orgId, String code, String publicCode, String name, Tier tier, @Nullable Long parentId,
            String address, @Nullable String openingHours, @Nullable String contactPhone, @Nullable String description,
            boolean active, boolean hasPhoto, int version) {}

    record StationData(String code, String name, Tier tier, @Nullable Long parentId, String address,
            @Nullable String openingHours, @Nullable String contactPhone, @Nullable String description) {}

    private static final String STATION = """
            select s.*, (select count(*) from station_photo p where p.station_id = s.id) as photos from station s""";

    long insertStation(long orgId, String publicCode, StationData d) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                insert into station (org_id, code, public_code, name, tier, parent_id, address, opening_hours,
                                     contact_phone, description, active, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, 0, ?, ?)""")
                .params(orgId, d.code(), publicCode, d.name(), d.tier().name(), d.parentId(), d.address(),
                        d.openingHours(), d.contactPhone(), d.description(), now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateStation(long id, int version, StationData d, boolean active) {
        int n = jdbc.sql("""
                update station set name = ?, tier = ?, parent_id = ?, address = ?, opening_hours = ?, contact_phone = ?,
                                   description = ?, active = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                .params(d.name(), d.tier().name(), d.parentId(), d.address(), d.openingHours(), d.contactPhone(),
                        d.description(), active, OffsetDateTime.now(), id, version)
                .update();
        concurrent(n);
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from station where code = ?").param(code).query(Long.class).single() > 0;
    }

    Optional<Row> station(long id) {
        return jdbc.sql(STATION + " where s.id = ?").param(id).query(StationStore::station).optional();
    }

    Optional<Row> stationByPublicCode(String code) {
        return jdbc.sql(STATION + " where s.public_code = ? and s.active = true").param(code)
                .query(StationStore::station).optional();
    }

    List<Row> stations(Reach orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STATION + " where " + orgs.sql("s.org_id") + " order by s.tier, s.name").params(orgs.params())
                .query(StationStore::station).list();
    }

    List<Row> stationsOfDeputy(long deputyId) {
        return jdbc.sql(STATION + " where s.id in (select station_id from station_deputy where deputy_id = ?)"
                + " order by s.name").param(deputyId).query(StationStore::station).list();
    }

    void savePhoto(long stationId, long orgId, String contentType, byte[] data) {
        jdbc.sql("delete from station_photo where station_id = ?").param(stationId).update();
        jdbc.sql("insert into station_photo (station_id, org_id, content_type, data) values (?, ?, ?, ?)")
                .params(stationId, orgId, contentType, data).update();
    }

    record Photo(String contentType, byte[] data) {}

    Optional<Photo> photo(long stationId) {
        return jdbc.sql("select content_type, data from station_photo where station_id = ?").param(stationId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    private static Row station(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getString("code"), rs.getString("public_code"),
                rs.getString("name"), Tier.valueOf(rs.getString("tier")), (Long) rs.getObject("parent_id", Long.class),
                rs.getString("address"), rs.getString("opening_hours"), rs.getString("contact_phone"),
                rs.getString("description"), rs.getBoolean("active"), rs.getLong("photos") > 0, rs.getInt("version"));
    }

    // ---- staff and deputies

    long insertStaff(long stationId, long orgId, String name, StaffRole role, @Nullable String title,
            @Nullable String phone, @Nullable Long userId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into station_staff (station_id, org_id, name, staff_role, title, phone, user_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(stationId, orgId, name, role.name(), title, phone, userId).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int deleteStaff(long stationId, long staffId) {
        return jdbc.sql("delete from station_staff where id = ? and station_id = ?").params(staffId, stationId).update();
    }

    List<StaffView> staff(long stationId) {
        return jdbc.sql("select * from station_staff where station_id = ? order by staff_role, id").param(stationId)
                .query((rs, n) -> new StaffView(rs.getLong("id"), rs.getString("name"),
                        StaffRole.valueOf(rs.getString("staff_role")), rs.getString("title"), rs.getString("phone"),
                        rs.getObject("user_id", Long.class)))
                .list();
    }

    record Assigned(long deputyId, boolean onRoster, LocalDate since) {}

    boolean assignDeputy(long stationId, long orgId, long deputyId, boolean onRoster, LocalDate since) {
        int n = jdbc.sql("update station_deputy set on_roster = ? where station_id = ? and deputy_id = ?")
                .params(onRoster, stationId, deputyId).update();
        if (n == 0) {
            jdbc.sql("insert into station_deputy (station_id, deputy_id, org_id, on_roster, since) values (?, ?, ?, ?, ?)")
                    .params(stationId, deputyId, orgId, onRoster, since).update();
            return true;
        }
        return false;
    }

    int removeDeputy(long stationId, long deputyId) {
        return jdbc.sql("delete from station_deputy where station_id = ? and deputy_id = ?").params(stationId, deputyId)
                .update();
    }

    List<Assigned> deputies(long stationId) {
        return jdbc.sql("select deputy_id, on_roster, since from station_deputy where station_id = ?").param(stationId)
                .query((rs, n) -> new Assigned(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class)))
                .list();
    }

    // ---- reception rule, days and duties

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
        concurrent(n);
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
        return jdbc.sql(DAY + " where d.id = ?").param(id).query(StationStore::day).optional();
    }

    List<DayRow> days(long stationId, int year) {
        return jdbc.sql(DAY + " where d.station_id = ? and d.for_year = ? order by d.held_on").params(stationId, year)
                .query(StationStore::day).list();
    }

    List<DayRow> upcomingDays(long stationId, LocalDate from, int limit) {
        return jdbc.sql(DAY + " where d.station_id = :station and d.held_on >= :from and d.state = 'PLANNED'"
                        + " order by d.held_on limit :limit")
                .param("station", stationId).param("from", from).param("limit", limit)
                .query(StationStore::day).list();
    }

    List<DayRow> missedDays(Reach orgs, LocalDate from, LocalDate before) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DAY + " " + """
                 where %s and d.held_on >= :from and d.held_on < :before and d.state = 'PLANNED'
                   and not exists (select 1 from reception_record r where r.day_id = d.id)
                 order by d.held_on""".formatted(orgs.sql("d.org_id")))
                .params(orgs.params()).param("from", from).param("before", before).query(StationStore::day).list();
    }

    /** Planned days from {@code from} up to {@code to} (inclusive) of every station: the reminder job's input. */
    List<DayRow> plannedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(DAY + " where d.held_on between ? and ? and d.state = 'PLANNED' order by d.held_on")
                .params(from, to).query(StationStore::day).list();
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
        return jdbc.sql("select * from reception_duty where id = ?").param(dutyId).query(StationStore::duty).optional();
    }

    Map<Long, List<DutyRow>> duties(Collection<Long> dayIds) {
        Map<Long, List<DutyRow>> out = new HashMap<>();
        if (dayIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from reception_duty where day_id in (:ids) order by day_id, id").param("ids", dayIds)
                .query(StationStore::duty).list()
                .forEach(d -> out.computeIfAbsent(d.dayId(), k -> new ArrayList<>()).add(d));
        return out;
    }

    List<DutyRow> dutiesOfDeputy(long deputyId, LocalDate from) {
        return jdbc.sql("""
                select u.* from reception_duty u join reception_day d on d.id = u.day_id
                where u.deputy_id = ? and d.held_on >= ? and d.state = 'PLANNED' order by d.held_on""")
                .params(deputyId, from).query(StationStore::duty).list();
    }

    private static DutyRow duty(ResultSet rs, int n) throws SQLException {
        return new DutyRow(rs.getLong("id"), rs.getLong("day_id"), rs.getLong("deputy_id"), rs.getLong("org_id"),
                DutyState.valueOf(rs.getString("state")), rs.getObject("notified_at", OffsetDateTime.class),
                rs.getString("note"));
    }

    // ---- reception and visit records

    record RecordRow(long id, long stationId, long orgId, @Nullable Long dayId, RecordKind kind, LocalDate occurredOn,
            String place, int visitors, @Nullable String visitorName, @Nullable String visitorPhone, boolean anonymous,
            String summary, String recordedBy) {}

    long insertRecord(long stationId, long orgId, @Nullable Long dayId, RecordKind kind, LocalDate on, String place,
            int visitors, @Nullable String visitorName, @Nullable String visitorPhone, boolean anonymous,
            String summary, String recordedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reception_record (station_id, org_id, day_id, record_kind, occurred_on, place, visitors,
                                              visitor_name, visitor_phone, anonymous, summary, recorded_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stationId, orgId, dayId, kind.name(), on, place, visitors, visitorName, visitorPhone,
                        anonymous, summary, recordedBy, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void addRecordDeputy(long recordId, long deputyId) {
        jdbc.sql("insert into reception_record_deputy (record_id, deputy_id) values (?, ?)").params(recordId, deputyId)
                .update();
    }

    List<Long> recordDeputies(long recordId) {
        return jdbc.sql("select deputy_id from reception_record_deputy where record_id = ? order by deputy_id")
                .param(recordId).query(Long.class).list();
    }

    Map<Long, List<Long>> recordDeputies(Collection<Long> recordIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select record_id, deputy_id from reception_record_deputy where record_id in (:ids)")
                .param("ids", recordIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return out;
    }

    long insertItem(long recordId, long orgId, int seq, String category, String content, @Nullable String answer,
            boolean resolved) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reception_item (record_id, org_id, seq, category, content, answer, resolved)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(recordId, orgId, seq, category, content, answer, resolved).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Links an item to its case, once: answers false if it already has one (a double click). */
    boolean linkCase(long itemId, long caseId, String receipt, long sponsorDeputyId) {
        return jdbc.sql("""
                update reception_item set case_id = ?, case_receipt = ?, sponsor_deputy_id = ?
                where id = ? and case_id is null""")
                .params(caseId, receipt, sponsorDeputyId, itemId).update() == 1;
    }

    int resolveByCase(long caseId) {
        return jdbc.sql("update reception_item set resolved = true where case_id = ? and resolved = false")
                .param(caseId).update();
    }

    Optional<ItemView> item(long itemId) {
        return jdbc.sql("select * from reception_item where id = ?").param(itemId).query(StationStore::item).optional();
    }

    Map<Long, List<ItemView>> items(Collection<Long> recordIds) {
        Map<Long, List<ItemView>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from reception_item where record_id in (:ids) order by record_id, seq")
                .param("ids", recordIds).query(StationStore::item).list()
                .forEach(i -> out.computeIfAbsent(i.recordId(), k -> new ArrayList<>()).add(i));
        return out;
    }

    private static ItemView item(ResultSet rs, int n) throws SQLException {
        return new ItemView(rs.getLong("id"), rs.getLong("record_id"), rs.getInt("seq"), rs.getString("category"),
                rs.getString("content"), rs.getString("answer"), rs.getBoolean("resolved"),
                rs.getObject("case_id", Long.class), rs.getString("case_receipt"),
                rs.getObject("sponsor_deputy_id", Long.class));
    }

    private static final String RECORD = "select * from reception_record";

    Optional<RecordRow> record(long id) {
        return jdbc.sql(RECORD + " where id = ?").param(id).query(StationStore::record).optional();
    }

    List<RecordRow> records(long stationId, LocalDate from, LocalDate to) {
        return jdbc.sql(RECORD + " where station_id = ? and occurred_on between ? and ? order by occurred_on, id")
                .params(stationId, from, to).query(StationStore::record).list();
    }

    private static RecordRow record(ResultSet rs, int n) throws SQLException {
        return new RecordRow(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("org_id"),
                rs.getObject("day_id", Long.class), RecordKind.valueOf(rs.getString("record_kind")),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("place"), rs.getInt("visitors"),
                rs.getString("visitor_name"), rs.getString("visitor_phone"), rs.getBoolean("anonymous"),
                rs.getString("summary"), rs.getString("recorded_by"));
    }

    // ---- figures

    record Counts(int receptionDays, int receptions, int visits, int voters, int opinions, int resolved, int cases,
            int activities) {}

    Map<Long, Counts> counts(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        Map<Long, Counts> out = new HashMap<>();
        if (stationIds.isEmpty()) {
            return out;
        }
        Map<Long, int[]> acc = new HashMap<>();
        stationIds.forEach(id -> acc.put(id, new int[8]));
        jdbc.sql("""
                select station_id, count(*) from reception_day
                where station_id in (:ids) and held_on between :from and :to and state = 'HELD' group by station_id""")
                .param("ids", stationIds).param("from", from).param("to", to)
                .query(rs -> {
                    acc.get(rs.getLong(1))[0] = rs.getInt(2);
                });
        jdbc.sql("""
                select station_id,
                       sum(case when record_kind = 'RECEPTION' and day_id is null then 1 else 0 end),
                       sum(case when record_kind = 'VISIT' then 1 else 0 end), sum(visitors)
                from reception_record where station_id in (:ids) and occurred_on between :from and :to
                group by station_id""")
                .param("ids", stationIds).param("from", from).param("to", to)
                .query(rs -> {
                    int[] a = acc.get(rs.getLong(1));
                    a[1] = rs.getInt(2);
                    a[2] = rs.getInt(3);
                    a[3] = rs.getInt(4);
                });
        jdbc.sql("""
                select r.station_id, count(*), sum(case when i.resolved then 1 else 0 end),
                       sum(case when i.case_id is not null then 1 else 0 end)
                from reception_item i join reception_record r on r.id = i.record_id
                where r.station_id in (:ids) and r.occurred_on between :from and :to group by r.station_id""")
                .param("ids", stationIds).param("from", from).param("to", to)
                .query(rs -> {
                    int[] a = acc.get(rs.getLong(1));
                    a[4] = rs.getInt(2);
                    a[5] = rs.getInt(3);
                    a[6] = rs.getInt(4);
                });
        jdbc.sql("""
                select station_id, count(*) from station_activity
                where station_id in (:ids) and held_on between :from and :to and state = 'HELD' group by station_id""")
                .param("ids", stationIds).param("from", from).param("to", to)
                .query(rs -> {
                    acc.get(rs.getLong(1))[7] = rs.getInt(2);
                });
        acc.forEach((id, a) -> out.put(id, new Counts(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])));
        return out;
    }

    // ---- the station's rhythm

    record ActivityRow(long id, long stationId, long orgId, ActivityKind kind, LocalDate plannedOn, String theme,
            ActivityState state, @Nullable LocalDate heldOn, @Nullable String outcome, int version) {}

    long insertActivity(long stationId, long orgId, ActivityKind kind, LocalDate plannedOn, String theme) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into station_activity (station_id, org_id, activity_kind, planned_on, theme, state, version)
                values (?, ?, ?, ?, ?, 'PLANNED', 0)""")
                .params(stationId, orgId, kind.name(), plannedOn, theme).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean activityExists(long stationId, ActivityKind kind, LocalDate plannedOn) {
        return jdbc.sql("select count(*) from station_activity where station_id = ? and activity_kind = ? and planned_on = ?")
                .params(stationId, kind.name(), plannedOn).query(Long.class).single() > 0;
    }

    void holdActivity(long id, int version, LocalDate heldOn, String theme, String outcome, String by) {
        int n = jdbc.sql("""
                update station_activity set state = 'HELD', held_on = ?, theme = ?, outcome = ?, recorded_by = ?,
                                            version = version + 1
                where id = ? and version = ?""").params(heldOn, theme, outcome, by, id, version).update();
        concurrent(n);
    }

    void setTheme(long id, int version, String theme) {
        concurrent(jdbc.sql("update station_activity set theme = ?, version = version + 1 where id = ? and version = ?")
                .params(theme, id, version).update());
    }

    void setActivityState(long id, ActivityState state) {
        jdbc.sql("update station_activity set state = ?, version = version + 1 where id = ?").params(state.name(), id)
                .update();
    }

    void setAttendance(long activityId, long deputyId, boolean attended) {
        int n = jdbc.sql("update station_activity_deputy set attended = ? where activity_id = ? and deputy_id = ?")
                .params(attended, activityId, deputyId).update();
        if (n == 0) {
            jdbc.sql("insert into station_activity_deputy (activity_id, deputy_id, attended) values (?, ?, ?)")
                    .params(activityId, deputyId, attended).update();
        }
    }

    Map<Long, Boolean> attendance(long activityId) {
        Map<Long, Boolean> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select deputy_id, attended from station_activity_deputy where activity_id = ? order by deputy_id")
                .param(activityId).query(rs -> {
                    out.put(rs.getLong(1), rs.getBoolean(2));
                });
        return out;
    }

    Optional<ActivityRow> activity(long id) {
        return jdbc.sql("select * from station_activity where id = ?").param(id).query(StationStore::activity).optional();
    }

    List<ActivityRow> activities(long stationId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from station_activity where station_id = ? and planned_on between ? and ?"
                + " order by planned_on, id").params(stationId, from, to).query(StationStore::activity).list();
    }

    List<ActivityRow> activitiesOfDeputy(long deputyId, LocalDate from) {
        return jdbc.sql("""
                select a.* from station_activity a join station_activity_deputy x on x.activity_id = a.id
                where x.deputy_id = ? and a.planned_on >= ? and a.state = 'PLANNED' order by a.planned_on
                limit 10""").params(deputyId, from).query(StationStore::activity).list();
    }

    List<ActivityRow> activitiesPlannedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from station_activity where planned_on between ? and ? and state = 'PLANNED'"
                + " order by planned_on").params(from, to).query(StationStore::activity).list();
    }

    private static ActivityRow activity(ResultSet rs, int n) throws SQLException {
        return new ActivityRow(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("org_id"),
                ActivityKind.valueOf(rs.getString("activity_kind")), rs.getObject("planned_on", LocalDate.class),
                rs.getString("theme"), ActivityState.valueOf(rs.getString("state")),
                rs.getObject("held_on", LocalDate.class), rs.getString("outcome"), rs.getInt("version"));
    }

    private static void concurrent(int updated) {
        if (updated != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }
}
