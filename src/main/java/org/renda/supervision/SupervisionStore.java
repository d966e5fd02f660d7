package org.renda.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Reach;
import org.renda.supervision.SupervisionEnums.ActivityKind;
import org.renda.supervision.SupervisionEnums.ActivityState;
import org.renda.supervision.SupervisionEnums.Speciality;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The supervision tables (JdbcClient SQL). Lists across organisations take a Reach; by-id reads are guarded by the desks. */
@Repository
class SupervisionStore {

    record SubjectRow(long id, long orgId, int forYear, SubjectKind kind, String title, @Nullable Long responsibleOrgId,
            TopicSource topicSource, @Nullable String description, int version) {}

    record GroupRow(long id, long orgId, long subjectId, Speciality speciality, String name, long leaderDeputyId,
            int version) {}

    record ActivityRow(long id, long orgId, long subjectId, ActivityKind kind, @Nullable String slot, String title,
            LocalDate plannedOn, ActivityState state, @Nullable LocalDate heldOn, @Nullable String place,
            @Nullable String summary, int suggestions, @Nullable Long voteId, int version) {}

    private final JdbcClient jdbc;

    SupervisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    // --- subjects

    long insertSubject(long orgId, int year, SubjectKind kind, String title, @Nullable Long responsibleOrgId,
            TopicSource source, @Nullable String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervision_subject (org_id, for_year, kind, title, responsible_org_id, topic_source,
                                                 description, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, year, kind.name(), title, responsibleOrgId, source.name(), description, now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean titleTaken(long orgId, int year, String title) {
        return jdbc.sql("select count(*) from supervision_subject where org_id = ? and for_year = ? and title = ?")
                .params(orgId, year, title).query(Long.class).single() > 0;
    }

    Optional<SubjectRow> subject(long id) {
        return jdbc.sql("select * from supervision_subject where id = ?").param(id).query(this::subjectRow).optional();
    }

    List<SubjectRow> subjects(Reach reach, int year) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from supervision_subject where for_year = :year and " + reach.sql("org_id")
                + " order by org_id, kind, id").params(reach.params()).param("year", year).query(this::subjectRow)
                .list();
    }

    /** One congress's subjects of a year, for the public portal (no reach: the caller shows only public fields). */
    List<SubjectRow> subjectsOf(long orgId, int year) {
        return jdbc.sql("select * from supervision_subject where org_id = ? and for_year = ? order by kind, id")
                .params(orgId, year).query(this::subjectRow).list();
    }

    /** The latest activity's satisfaction vote of each subject that has one (the year-end review's). */
    Map<Long, Long> lastVotes(Collection<Long> subjectIds) {
        Map<Long, Long> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select subject_id, vote_id from supervision_activity where subject_id in (:ids) and vote_id is not null
                order by planned_on, id""").param("ids", subjectIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** Subjects per organisation in the year, within the reach. */
    Map<Long, Long> countsByOrg(Reach reach, int year) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (reach.isEmpty()) {
            return out;
        }
        jdbc.sql("select org_id, count(*) from supervision_subject where for_year = :year and " + reach.sql("org_id")
                + " group by org_id").params(reach.params()).param("year", year)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    /** The subjects of a year whose group this deputy belongs to (a deputy follows them wherever their seat is). */
    List<SubjectRow> subjectsOfMember(long deputyId, int year) {
        return jdbc.sql("""
                select s.* from supervision_subject s join supervision_group g on g.subject_id = s.id
                join supervision_group_member m on m.group_id = g.id
                where m.deputy_id = ? and s.for_year = ? order by s.org_id, s.kind, s.id""").params(deputyId, year)
                .query(this::subjectRow).list();
    }

    boolean isMember(long subjectId, long deputyId) {
        return jdbc.sql("""
                select count(*) from supervision_group g join supervision_group_member m on m.group_id = g.id
                where g.subject_id = ? and m.deputy_id = ?""").params(subjectId, deputyId).query(Long.class).single() > 0;
    }

    private SubjectRow subjectRow(ResultSet rs, int n) throws SQLException {
        return new SubjectRow(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("for_year"),
                SubjectKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getObject("responsible_org_id", Long.class), TopicSource.valueOf(rs.getString("topic_source")),
                rs.getString("description"), rs.getInt("version"));
    }

    // --- groups

    Optional<GroupRow> group(long subjectId) {
        return jdbc.sql("select * from supervision_group where subject_id = ?").param(subjectId)
                .query((rs, n) -> new GroupRow(rs.getLong("id"), rs.getLong("org_id"), rs.getLong("subject_id"),
                        Speciality.valueOf(rs.getString("speciality")), rs.getString("name"),
                        rs.getLong("leader_deputy_id"), rs.getInt("version")))
                .optional();
    }

    /** The groups' names of these subjects. */
    Map<Long, String> groupNames(Collection<Long> subjectIds) {
        Map<Long, String> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select subject_id, name from supervision_group where subject_id in (:ids)").param("ids", subjectIds)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    long insertGroup(long orgId, long subjectId, Speciality speciality, String name, long leaderDeputyId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervision_group (org_id, subject_id, speciality, name, leader_deputy_id)
                values (?, ?, ?, ?, ?)""").params(orgId, subjectId, speciality.name(), name, leaderDeputyId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int updateGroup(long id, int version, Speciality speciality, String name, long leaderDeputyId) {
        return jdbc.sql("""
                update supervision_group set speciality = ?, name = ?, leader_deputy_id = ?, version = version + 1
                where id = ? and version = ?""").params(speciality.name(), name, leaderDeputyId, id, version).update();
    }

    List<Long> members(long groupId) {
        return jdbc.sql("select deputy_id from supervision_group_member where group_id = ? order by deputy_id")
                .param(groupId).query(Long.class).list();
    }

    void replaceMembers(long groupId, long orgId, Collection<Long> deputyIds) {
        jdbc.sql("delete from supervision_group_member where group_id = ?").param(groupId).update();
        for (long d : deputyIds) {
            jdbc.sql("insert into supervision_group_member (group_id, org_id, deputy_id) values (?, ?, ?)")
                    .params(groupId, orgId, d).update();
        }
    }

    // --- activities

    boolean slotTaken(long subjectId, String slot) {
        return jdbc.sql("select count(*) from supervision_activity where subject_id = ? and slot = ?")
                .params(subjectId, slot).query(Long.class).single() > 0;
    }

    long insertActivity(long orgId, long subjectId, ActivityKind kind, @Nullable String slot, String title,
            LocalDate plannedOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervision_activity (org_id, subject_id, kind, slot, title, planned_on, state, created_at)
                values (?, ?, ?, ?, ?, ?, 'PLANNED', ?)""")
                .params(orgId, subjectId, kind.name(), slot, title, plannedOn, now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ActivityRow> activity(long id) {
        return jdbc.sql("select * from supervision_activity where id = ?").param(id).query(this::activityRow)
                .optional();
    }

    List<ActivityRow> activities(long subjectId) {
        return jdbc.sql("select * from supervision_activity where subject_id = ? order by planned_on, id")
                .param(subjectId).query(this::activityRow).list();
    }

    int hold(long id, int version, LocalDate heldOn, String place, String summary, int suggestions) {
        return jdbc.sql("""
                update supervision_activity set state = 'HELD', held_on = ?, place = ?, summary = ?, suggestions = ?,
                  version = version + 1 where id = ? and version = ?""")
                .params(heldOn, place, summary, suggestions, id, version).update();
    }

    int setState(long id, int version, ActivityState state) {
        return jdbc.sql("update supervision_activity set state = ?, version = version + 1 where id = ? and version = ?")
                .params(state.name(), id, version).update();
    }

    void setVote(long id, long voteId) {
        jdbc.sql("update supervision_activity set vote_id = ?, version = version + 1 where id = ?").params(voteId, id)
                .update();
    }

    Map<Long, Boolean> attendance(long activityId) {
        Map<Long, Boolean> out = new LinkedHashMap<>();
        jdbc.sql("select deputy_id, attended from supervision_attendance where activity_id = ? order by deputy_id")
                .param(activityId).query((rs, n) -> out.put(rs.getLong(1), rs.getBoolean(2))).list();
        return out;
    }

    void setAttendance(long activityId, long orgId, long deputyId, boolean attended) {
        if (jdbc.sql("update supervision_attendance set attended = ? where activity_id = ? and deputy_id = ?")
                .params(attended, activityId, deputyId).update() == 0) {
            jdbc.sql("insert into supervision_attendance (activity_id, org_id, deputy_id, attended) values (?, ?, ?, ?)")
                    .params(activityId, orgId, deputyId, attended).update();
        }
    }

    /**
     * The activities of the organisations in reach held (or, not held, planned) in a period, of a state and a kind
     * when given, latest first: the annual report's activities and inspections figures link to them.
     */
    List<ActivityRow> activitiesIn(Reach reach, LocalDate from, LocalDate to, @Nullable ActivityState state,
            @Nullable ActivityKind kind) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from supervision_activity where " + reach.sql("org_id")
                        + " and coalesce(held_on, planned_on) between :from and :to"
                        + (state == null ? "" : " and state = :state") + (kind == null ? "" : " and kind = :kind")
                        + " order by coalesce(held_on, planned_on) desc, id desc")
                .params(reach.params()).param("from", from).param("to", to)
                .param("state", state == null ? "" : state.name()).param("kind", kind == null ? "" : kind.name())
                .query(this::activityRow).list();
    }

    /** Per subject: {planned, held, cancelled, suggestions}. */
    Map<Long, int[]> activityFigures(Collection<Long> subjectIds) {
        Map<Long, int[]> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select subject_id, count(*),
                       sum(case when state = 'HELD' then 1 else 0 end),
                       sum(case when state = 'CANCELLED' then 1 else 0 end),
                       sum(case when state = 'HELD' then suggestions else 0 end)
                from supervision_activity where subject_id in (:ids) group by subject_id""").param("ids", subjectIds)
                .query((rs, n) -> out.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)}))
                .list();
        return out;
    }

    private ActivityRow activityRow(ResultSet rs, int n) throws SQLException {
        return new ActivityRow(rs.getLong("id"), rs.getLong("org_id"), rs.getLong("subject_id"),
                ActivityKind.valueOf(rs.getString("kind")), rs.getString("slot"), rs.getString("title"),
                rs.getObject("planned_on", LocalDate.class), ActivityState.valueOf(rs.getString("state")),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("summary"),
                rs.getInt("suggestions"), rs.getObject("vote_id", Long.class), rs.getInt("version"));
    }
}
