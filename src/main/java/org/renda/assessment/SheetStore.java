package org.renda.assessment;

import static org.renda.assessment.AssessmentStore.instant;
import static org.renda.assessment.AssessmentStore.json;
import static org.renda.assessment.AssessmentStore.now;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.SheetStatus;
import org.renda.assessment.AssessmentViews.Appeal;
import org.renda.assessment.AssessmentViews.Bonus;
import org.renda.assessment.AssessmentViews.Decision;
import org.renda.assessment.AssessmentViews.Member;
import org.renda.assessment.AssessmentViews.Rate;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.shared.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evaluator groups with their members and declared conflicts, and the scoring sheets with their rows. */
@Repository
class SheetStore {

    private final JdbcClient jdbc;


    SheetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;

    }

    private long insert(String sql, Object... params) {
        return AssessmentStore.insert(jdbc, sql, params);
    }

    // ---------------------------------------------------------------- groups, members, conflicts

    record GroupRow(long id, long orgId, long periodId, String name, @Nullable Long leaderDeputyId,
            @Nullable String leaderName, List<String> indicators) {}

    long insertGroup(long orgId, long periodId, String name, @Nullable Long leaderDeputyId, @Nullable String leaderName,
            List<String> indicators) {
        return insert("""
                insert into assessment_group (org_id, period_id, name, leader_deputy_id, leader_name, indicator_codes)
                values (?, ?, ?, ?, ?, ?)""", orgId, periodId, name, leaderDeputyId, leaderName,
                String.join(",", indicators));
    }

    void addMember(long groupId, long orgId, long userId, String name, boolean leader) {
        jdbc.sql("insert into assessment_group_member (group_id, org_id, user_id, user_name, leader) values (?, ?, ?, ?, ?)")
                .params(groupId, orgId, userId, name, leader).update();
    }

    List<GroupRow> groups(long periodId) {
        return jdbc.sql("select * from assessment_group where period_id = ? order by id").param(periodId)
                .query(SheetStore::group).list();
    }

    Optional<GroupRow> group(long id) {
        return jdbc.sql("select * from assessment_group where id = ?").param(id).query(SheetStore::group)
                .optional();
    }

    private static GroupRow group(ResultSet rs, int n) throws SQLException {
        long leader = rs.getLong("leader_deputy_id");
        Long leaderId = rs.wasNull() ? null : leader;
        String codes = rs.getString("indicator_codes");
        return new GroupRow(rs.getLong("id"), rs.getLong("org_id"), rs.getLong("period_id"), rs.getString("name"),
                leaderId, rs.getString("leader_name"),
                codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")));
    }

    List<Member> members(long groupId) {
        return jdbc.sql("select * from assessment_group_member where group_id = ? order by leader desc, user_name")
                .param(groupId).query((rs, n) -> new Member(rs.getLong("user_id"), rs.getString("user_name"),
                        rs.getBoolean("leader"))).list();
    }

    boolean isMember(long groupId, long userId) {
        return jdbc.sql("select count(*) from assessment_group_member where group_id = ? and user_id = ?")
                .params(groupId, userId).query(Integer.class).single() > 0;
    }

    void insertConflict(long orgId, long periodId, long userId, long subjectId, String reason) {
        insert("insert into assessment_conflict (org_id, period_id, user_id, subject_id, reason) values (?, ?, ?, ?, ?)",
                orgId, periodId, userId, subjectId, reason);
    }

    Optional<String> conflict(long userId, long subjectId) {
        return jdbc.sql("select reason from assessment_conflict where user_id = ? and subject_id = ?")
                .params(userId, subjectId).query(String.class).optional();
    }

    // ---------------------------------------------------------------- sheets

    record SheetRowData(String indicator, @Nullable BigDecimal points, @Nullable String note) {}

    long insertSheet(long orgId, long periodId, long groupId, long subjectId) {
        return insert("""
                insert into assessment_sheet (org_id, period_id, group_id, subject_id, status, version)
                values (?, ?, ?, ?, 'DRAFT', 0)""", orgId, periodId, groupId, subjectId);
    }

    private static final String SHEET_SELECT = """
            select s.*, p.name as period_name, g.name as group_name, g.indicator_codes, j.name as subject_name,
                   (select count(*) from assessment_sheet_row r where r.sheet_id = s.id and r.points is not null) as filled
            from assessment_sheet s
            join assessment_period p on p.id = s.period_id
            join assessment_group g on g.id = s.group_id
            join assessment_subject j on j.id = s.subject_id
            """;

    Optional<SheetSummary> sheet(long id) {
        return jdbc.sql(SHEET_SELECT + " where s.id = ?").param(id).query(SheetStore::sheet).optional();
    }

    int sheetVersion(long id) {
        return jdbc.sql("select version from assessment_sheet where id = ?").param(id).query(Integer.class).single();
    }

    List<SheetSummary> sheetsOfPeriod(long periodId) {
        return jdbc.sql(SHEET_SELECT + " where s.period_id = ? order by g.id, j.sort_order, j.id").param(periodId)
                .query(SheetStore::sheet).list();
    }

    /** The sheets of the groups the user belongs to, in periods still open. */
    List<SheetSummary> sheetsOfUser(long userId) {
        return jdbc.sql(SHEET_SELECT + """
                 where p.status = 'OPEN'
                   and s.group_id in (select m.group_id from assessment_group_member m where m.user_id = ?)
                 order by p.id, g.id, j.sort_order, j.id""").param(userId).query(SheetStore::sheet).list();
    }

    private static SheetSummary sheet(ResultSet rs, int n) throws SQLException {
        String codes = rs.getString("indicator_codes");
        return new SheetSummary(rs.getLong("id"), rs.getLong("period_id"), rs.getString("period_name"),
                rs.getLong("group_id"), rs.getString("group_name"), rs.getLong("subject_id"),
                rs.getString("subject_name"), SheetStatus.valueOf(rs.getString("status")), rs.getBoolean("on_paper"),
                rs.getInt("filled"), codes.isBlank() ? 0 : codes.split(",").length, rs.getString("submitted_by"),
                instant(rs, "submitted_at"));
    }

    long sheetOrg(long id) {
        return jdbc.sql("select org_id from assessment_sheet where id = ?").param(id).query(Long.class).single();
    }

    Map<String, SheetRowData> rows(long sheetId) {
        Map<String, SheetRowData> out = new HashMap<>();
        jdbc.sql("select indicator, points, note from assessment_sheet_row where sheet_id = ?").param(sheetId)
                .query(rs -> {
                    out.put(rs.getString(1), new SheetRowData(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)));
                });
        return out;
    }

    void saveRows(long sheetId, long orgId, Collection<SheetRowData> rows) {
        jdbc.sql("delete from assessment_sheet_row where sheet_id = ?").param(sheetId).update();
        for (SheetRowData r : rows) {
            jdbc.sql("insert into assessment_sheet_row (sheet_id, org_id, indicator, points, note) values (?, ?, ?, ?, ?)")
                    .params(sheetId, orgId, r.indicator(), r.points(), r.note()).update();
        }
    }

    void sheetState(long id, int version, SheetStatus status, boolean onPaper, @Nullable String submittedBy) {
        int n = jdbc.sql("""
                update assessment_sheet set status = ?, on_paper = ?, submitted_by = ?,
                       submitted_at = case when ? = 'SUBMITTED' then ? else null end, version = version + 1
                where id = ? and version = ?""")
                .params(status.name(), onPaper, submittedBy, status.name(), now(), id, version).update();
        if (n == 0) {
            throw new DomainException("assessment.error.stale");
        }
    }

    /** Submitted points of a period: subject id → indicator → the points of each sheet. */
    List<Object[]> submittedPoints(long periodId) {
        return jdbc.sql("""
                select s.subject_id, r.indicator, r.points from assessment_sheet_row r
                join assessment_sheet s on s.id = r.sheet_id
                where s.period_id = ? and s.status = 'SUBMITTED' and r.points is not null""").param(periodId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)}).list();
    }
}
