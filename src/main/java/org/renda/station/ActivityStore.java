package org.renda.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.ActivityState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The station's rhythm: its meetings (deliberations, joint meetings, reports) and who attended. */
@Repository
class ActivityStore {

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
        StationStore.concurrent(n);
    }

    void setTheme(long id, int version, String theme) {
        StationStore.concurrent(jdbc.sql("update station_activity set theme = ?, version = version + 1 where id = ? and version = ?")
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
        return jdbc.sql("select * from station_activity where id = ?").param(id).query(ActivityStore::activity).optional();
    }

    List<ActivityRow> activities(long stationId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from station_activity where station_id = ? and planned_on between ? and ?"
                + " order by planned_on, id").params(stationId, from, to).query(ActivityStore::activity).list();
    }

    List<ActivityRow> activitiesOfDeputy(long deputyId, LocalDate from) {
        return jdbc.sql("""
                select a.* from station_activity a join station_activity_deputy x on x.activity_id = a.id
                where x.deputy_id = ? and a.planned_on >= ? and a.state = 'PLANNED' order by a.planned_on
                limit 10""").params(deputyId, from).query(ActivityStore::activity).list();
    }

    List<ActivityRow> activitiesPlannedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from station_activity where planned_on between ? and ? and state = 'PLANNED'"
                + " order by planned_on").params(from, to).query(ActivityStore::activity).list();
    }

    private static ActivityRow activity(ResultSet rs, int n) throws SQLException {
        return new ActivityRow(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("org_id"),
                ActivityKind.valueOf(rs.getString("activity_kind")), rs.getObject("planned_on", LocalDate.class),
                rs.getString("theme"), ActivityState.valueOf(rs.getString("state")),
                rs.getObject("held_on", LocalDate.class), rs.getString("outcome"), rs.getInt("version"));
    }
}
