package org.renda.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The station tables: stations, their photo, staff and deputies. Reception days, records and the rhythm have
 * their own stores; names of deputies and organisations are filled in by the facades.
 */
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

    static void concurrent(int updated) {
        if (updated != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }
}
