package org.renda.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationViews.ItemView;
import org.renda.station.StationViews.PhotoView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reception and visit records with the deputies present and the matters raised, and the ledger's figures. */
@Repository
class ReceptionRecordStore {

    private final JdbcClient jdbc;

    ReceptionRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
        return jdbc.sql("select * from reception_item where id = ?").param(itemId).query(ReceptionRecordStore::item).optional();
    }

    Map<Long, List<ItemView>> items(Collection<Long> recordIds) {
        Map<Long, List<ItemView>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from reception_item where record_id in (:ids) order by record_id, seq")
                .param("ids", recordIds).query(ReceptionRecordStore::item).list()
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
        return jdbc.sql(RECORD + " where id = ?").param(id).query(ReceptionRecordStore::record).optional();
    }

    List<RecordRow> records(long stationId, LocalDate from, LocalDate to) {
        return jdbc.sql(RECORD + " where station_id = ? and occurred_on between ? and ? order by occurred_on, id")
                .params(stationId, from, to).query(ReceptionRecordStore::record).list();
    }

    private static RecordRow record(ResultSet rs, int n) throws SQLException {
        return new RecordRow(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("org_id"),
                rs.getObject("day_id", Long.class), RecordKind.valueOf(rs.getString("record_kind")),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("place"), rs.getInt("visitors"),
                rs.getString("visitor_name"), rs.getString("visitor_phone"), rs.getBoolean("anonymous"),
                rs.getString("summary"), rs.getString("recorded_by"));
    }

    long addPhoto(long recordId, long orgId, String fileName, String contentType, byte[] data) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reception_photo (record_id, org_id, file_name, content_type, size_bytes, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(recordId, orgId, fileName, contentType, data.length, data, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The photos of each record, without their bytes, in the order they were added. */
    Map<Long, List<PhotoView>> photos(Collection<Long> recordIds) {
        Map<Long, List<PhotoView>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select id, record_id, file_name, content_type, size_bytes from reception_photo
                where record_id in (:ids) order by record_id, id""")
                .param("ids", recordIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new PhotoView(rs.getLong(1),
                            rs.getString(3), rs.getString(4), rs.getInt(5)));
                });
        return out;
    }

    record PhotoFile(long recordId, String fileName, String contentType, byte[] data) {}

    Optional<PhotoFile> photo(long photoId) {
        return jdbc.sql("select record_id, file_name, content_type, data from reception_photo where id = ?")
                .param(photoId)
                .query((rs, n) -> new PhotoFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    /** The records made for one reception day, oldest first. */
    List<RecordRow> recordsOfDay(long dayId) {
        return jdbc.sql(RECORD + " where day_id = ? order by id").param(dayId).query(ReceptionRecordStore::record).list();
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

    // ---- the lists behind the annual report's figures: a subtree's rows in a period


    /** The activities held in the reach in a period (the report's stations.activities), newest first. */
    List<StationViews.HeldActivity> heldActivities(org.renda.shared.Reach reach, LocalDate from, LocalDate to, int limit,
            int offset) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("from", from);
        p.put("to", to);
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql("""
                select a.id, a.station_id, s.name, a.held_on, a.activity_kind, a.theme
                  from station_activity a join station s on s.id = a.station_id
                 where %s and a.state = 'HELD' and a.held_on between :from and :to
                 order by a.held_on desc, a.id desc limit :limit offset :offset""".formatted(reach.sql("a.org_id")))
                .params(p).query((rs, n) -> new StationViews.HeldActivity(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), StationEnums.ActivityKind.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    long heldActivityCount(org.renda.shared.Reach reach, LocalDate from, LocalDate to) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("from", from);
        p.put("to", to);
        return jdbc.sql("select count(*) from station_activity where %s and state = 'HELD' and held_on between :from and :to"
                .formatted(reach.sql("org_id"))).params(p).query(Long.class).single();
    }



    /**
     * The reception and visit records in the reach in a period (the report's stations.receptions), newest first,
     * with their matters and those solved; only those with a solved matter if asked.
     */
    List<StationViews.RecordLine> recordLines(org.renda.shared.Reach reach, LocalDate from, LocalDate to, boolean solvedOnly,
            int limit, int offset) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("from", from);
        p.put("to", to);
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql("""
                select r.id, r.station_id, s.name, r.occurred_on, r.record_kind, r.place, r.visitors,
                       (select count(*) from reception_item i where i.record_id = r.id),
                       (select count(*) from reception_item i where i.record_id = r.id and i.resolved)
                  from reception_record r join station s on s.id = r.station_id
                 where %s and r.occurred_on between :from and :to%s
                 order by r.occurred_on desc, r.id desc limit :limit offset :offset"""
                .formatted(reach.sql("r.org_id"), solvedOnly ? SOLVED : "")).params(p)
                .query((rs, n) -> new StationViews.RecordLine(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), RecordKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getInt(7), rs.getLong(8), rs.getLong(9))).list();
    }

    private static final String SOLVED =
            " and exists (select 1 from reception_item i where i.record_id = r.id and i.resolved)";

    /** The totals the report counts: records, voters received, matters raised, matters solved. */
    StationViews.RecordTotals recordTotals(org.renda.shared.Reach reach, LocalDate from, LocalDate to, boolean solvedOnly) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("from", from);
        p.put("to", to);
        String where = "%s and r.occurred_on between :from and :to%s".formatted(reach.sql("r.org_id"),
                solvedOnly ? SOLVED : "");
        return jdbc.sql("""
                select rec.n, rec.voters, items.n, items.solved
                  from (select count(*) n, coalesce(sum(visitors), 0) voters from reception_record r where %1$s) rec
                 cross join (select count(*) n, coalesce(sum(case when i.resolved then 1 else 0 end), 0) solved
                               from reception_item i join reception_record r on r.id = i.record_id where %1$s) items"""
                .formatted(where)).params(p)
                .query((rs, n) -> new StationViews.RecordTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
