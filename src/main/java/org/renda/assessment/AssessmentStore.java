package org.renda.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentEnums.SchemeStatus;
import org.renda.assessment.AssessmentEnums.SheetStatus;
import org.renda.assessment.AssessmentViews.Appeal;
import org.renda.assessment.AssessmentViews.Bonus;
import org.renda.assessment.AssessmentViews.Comment;
import org.renda.assessment.AssessmentViews.Decision;
import org.renda.assessment.AssessmentViews.Member;
import org.renda.assessment.AssessmentViews.Rate;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The assessment tables. Lists take a Reach; rows loaded by id are guarded by the facades (Reach.guard). */
@Repository
class AssessmentStore {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AssessmentStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    // ---------------------------------------------------------------- schemes

    record SchemeRow(long id, long orgId, String code, int versionNo, String name, SubjectKind subjectKind,
            int forYear, SchemeStatus status, Scheme definition, @Nullable Long previousId,
            @Nullable String approvedBy, @Nullable Instant approvedAt, int version) {}

    long insertScheme(long orgId, String code, int versionNo, String name, SubjectKind kind, int forYear,
            Scheme definition, @Nullable Long previousId, String by) {
        return insert("""
                insert into assessment_scheme (org_id, code, version_no, name, subject_kind, for_year, status,
                                               definition, previous_id, created_by, created_at, version)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, 0)""", orgId, code, versionNo, name, kind.name(),
                forYear, json(definition), previousId, by, now());
    }

    Optional<SchemeRow> scheme(long id) {
        return jdbc.sql("select * from assessment_scheme where id = ?").param(id).query(AssessmentStore::scheme)
                .optional();
    }

    List<SchemeRow> schemes(Reach orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from assessment_scheme where " + orgs.sql("org_id") + " order by for_year desc, code, version_no desc")
                .params(orgs.params()).query(AssessmentStore::scheme).list();
    }

    int maxVersion(long orgId, String code) {
        return jdbc.sql("select coalesce(max(version_no), 0) from assessment_scheme where org_id = ? and code = ?")
                .params(orgId, code).query(Integer.class).single();
    }

    void updateScheme(long id, int version, String name, Scheme definition) {
        int n = jdbc.sql("""
                update assessment_scheme set name = ?, definition = ?, version = version + 1
                where id = ? and version = ?""").params(name, json(definition), id, version).update();
        if (n == 0) {
            throw new DomainException("assessment.error.stale");
        }
    }

    void schemeStatus(long id, SchemeStatus from, SchemeStatus to, @Nullable String approvedBy) {
        int n = approvedBy == null
                ? jdbc.sql("update assessment_scheme set status = ?, version = version + 1 where id = ? and status = ?")
                        .params(to.name(), id, from.name()).update()
                : jdbc.sql("""
                        update assessment_scheme set status = ?, version = version + 1, approved_by = ?, approved_at = ?
                        where id = ? and status = ?""").params(to.name(), approvedBy, now(), id, from.name()).update();
        if (n == 0) {
            throw new DomainException("assessment.error.stale");
        }
    }

    private static SchemeRow scheme(ResultSet rs, int n) throws SQLException {
        long prev = rs.getLong("previous_id");
        Long previous = rs.wasNull() ? null : prev;
        return new SchemeRow(rs.getLong("id"), rs.getLong("org_id"), rs.getString("code"), rs.getInt("version_no"),
                rs.getString("name"), SubjectKind.valueOf(rs.getString("subject_kind")), rs.getInt("for_year"),
                SchemeStatus.valueOf(rs.getString("status")), JSON.readValue(rs.getString("definition"), Scheme.class),
                previous, rs.getString("approved_by"),
                instant(rs, "approved_at"), rs.getInt("version"));
    }

    void addComment(long orgId, long schemeId, String author, String body) {
        insert("insert into assessment_comment (org_id, scheme_id, author, body, created_at) values (?, ?, ?, ?, ?)",
                orgId, schemeId, author, body, now());
    }

    List<Comment> comments(long schemeId) {
        return jdbc.sql("select * from assessment_comment where scheme_id = ? order by id").param(schemeId)
                .query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
                        instant(rs, "created_at"))).list();
    }

    // ---------------------------------------------------------------- periods and subjects

    record PeriodRow(long id, long orgId, long schemeId, PeriodKind kind, int forYear, String name, LocalDate startsOn,
            LocalDate endsOn, PeriodStatus status, @Nullable String signedBy, @Nullable LocalDate publishedOn,
            @Nullable LocalDate appealUntil, int version) {}

    long insertPeriod(long orgId, long schemeId, PeriodKind kind, int forYear, String name, LocalDate startsOn,
            LocalDate endsOn) {
        return insert("""
                insert into assessment_period (org_id, scheme_id, kind, for_year, name, starts_on, ends_on, status, version)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', 0)""", orgId, schemeId, kind.name(), forYear, name, startsOn,
                endsOn);
    }

    boolean periodExists(long schemeId, PeriodKind kind) {
        return jdbc.sql("select count(*) from assessment_period where scheme_id = ? and kind = ?")
                .params(schemeId, kind.name()).query(Integer.class).single() > 0;
    }

    Optional<PeriodRow> period(long id) {
        return jdbc.sql("select * from assessment_period where id = ?").param(id).query(AssessmentStore::period)
                .optional();
    }

    List<PeriodRow> periods(Reach orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from assessment_period where " + orgs.sql("org_id") + " order by for_year desc, id desc")
                .params(orgs.params()).query(AssessmentStore::period).list();
    }

    List<PeriodRow> periodsOfScheme(long schemeId) {
        return jdbc.sql("select * from assessment_period where scheme_id = ? order by id").param(schemeId)
                .query(AssessmentStore::period).list();
    }

    void periodStatus(long id, int version, PeriodStatus to, @Nullable String signedBy,
            @Nullable LocalDate publishedOn, @Nullable LocalDate appealUntil) {
        int n = jdbc.sql("""
                update assessment_period set status = ?, version = version + 1,
                       closed_at = case when ? = 'CLOSED' then ? else closed_at end,
                       signed_by = coalesce(?, signed_by),
                       signed_at = case when ? = 'SIGNED' then ? else signed_at end,
                       published_on = coalesce(cast(? as date), published_on),
                       appeal_until = coalesce(cast(? as date), appeal_until)
                where id = ? and version = ?""")
                .params(to.name(), to.name(), now(), signedBy, to.name(), now(), publishedOn, appealUntil, id, version)
                .update();
        if (n == 0) {
            throw new DomainException("assessment.error.stale");
        }
    }

    private static PeriodRow period(ResultSet rs, int n) throws SQLException {
        return new PeriodRow(rs.getLong("id"), rs.getLong("org_id"), rs.getLong("scheme_id"),
                PeriodKind.valueOf(rs.getString("kind")), rs.getInt("for_year"), rs.getString("name"),
                date(rs, "starts_on"), date(rs, "ends_on"), PeriodStatus.valueOf(rs.getString("status")),
                rs.getString("signed_by"), date(rs, "published_on"), date(rs, "appeal_until"), rs.getInt("version"));
    }

    /** The subjects of a new period, in one batch, in the given order. */
    void insertSubjects(long orgId, long periodId, List<SubjectView> subjects) {
        List<Object[]> args = new java.util.ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            SubjectView s = subjects.get(i);
            args.add(new Object[] {orgId, periodId, s.ref(), s.subjectOrgId(), s.name(), i});
        }
        batch.batchUpdate("""
                insert into assessment_subject (org_id, period_id, subject_ref, subject_org, name, sort_order)
                values (?, ?, ?, ?, ?, ?)""", args);
    }

    List<SubjectView> subjects(long periodId) {
        return jdbc.sql("select * from assessment_subject where period_id = ? order by sort_order, id").param(periodId)
                .query(AssessmentStore::subject).list();
    }

    Optional<SubjectView> subject(long id) {
        return jdbc.sql("select * from assessment_subject where id = ?").param(id).query(AssessmentStore::subject)
                .optional();
    }

    long subjectPeriod(long subjectId) {
        return jdbc.sql("select period_id from assessment_subject where id = ?").param(subjectId).query(Long.class)
                .optional().orElse(0L);
    }

    private static SubjectView subject(ResultSet rs, int n) throws SQLException {
        return new SubjectView(rs.getLong("id"), rs.getLong("subject_ref"), rs.getLong("subject_org"),
                rs.getString("name"));
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
                .query(AssessmentStore::group).list();
    }

    Optional<GroupRow> group(long id) {
        return jdbc.sql("select * from assessment_group where id = ?").param(id).query(AssessmentStore::group)
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
        return jdbc.sql(SHEET_SELECT + " where s.id = ?").param(id).query(AssessmentStore::sheet).optional();
    }

    int sheetVersion(long id) {
        return jdbc.sql("select version from assessment_sheet where id = ?").param(id).query(Integer.class).single();
    }

    List<SheetSummary> sheetsOfPeriod(long periodId) {
        return jdbc.sql(SHEET_SELECT + " where s.period_id = ? order by g.id, j.sort_order, j.id").param(periodId)
                .query(AssessmentStore::sheet).list();
    }

    /** The sheets of the groups the user belongs to, in periods still open. */
    List<SheetSummary> sheetsOfUser(long userId) {
        return jdbc.sql(SHEET_SELECT + """
                 where p.status = 'OPEN'
                   and s.group_id in (select m.group_id from assessment_group_member m where m.user_id = ?)
                 order by p.id, g.id, j.sort_order, j.id""").param(userId).query(AssessmentStore::sheet).list();
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

    // ---------------------------------------------------------------- rates, bonus items, decisions

    void upsertRate(long orgId, long periodId, long subjectId, String indicator, BigDecimal rate, String note,
            String by) {
        jdbc.sql("delete from assessment_rate where subject_id = ? and indicator = ?").params(subjectId, indicator)
                .update();
        insert("""
                insert into assessment_rate (org_id, period_id, subject_id, indicator, rate, note, entered_by, entered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", orgId, periodId, subjectId, indicator, rate, note, by, now());
    }

    List<Rate> rates(long periodId) {
        return jdbc.sql("""
                select r.*, j.name as subject_name from assessment_rate r join assessment_subject j on j.id = r.subject_id
                where r.period_id = ? order by j.sort_order, r.indicator""").param(periodId)
                .query((rs, n) -> new Rate(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_name"),
                        rs.getString("indicator"), rs.getBigDecimal("rate"), rs.getString("note"),
                        rs.getString("entered_by"))).list();
    }

    long insertBonus(long orgId, long periodId, long subjectId, String indicator, BigDecimal points, String title,
            String evidence, String by) {
        return insert("""
                insert into assessment_bonus (org_id, period_id, subject_id, indicator, points, title, evidence,
                                              entered_by, entered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", orgId, periodId, subjectId, indicator, points, title, evidence,
                by, now());
    }

    List<Bonus> bonuses(long periodId) {
        return jdbc.sql("""
                select b.*, j.name as subject_name from assessment_bonus b join assessment_subject j on j.id = b.subject_id
                where b.period_id = ? order by j.sort_order, b.id""").param(periodId)
                .query((rs, n) -> new Bonus(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_name"),
                        rs.getString("indicator"), rs.getBigDecimal("points"), rs.getString("title"),
                        rs.getString("evidence"), rs.getString("entered_by"))).list();
    }

    long insertDecision(long orgId, long periodId, long subjectId, DecisionKind kind, @Nullable BigDecimal points,
            @Nullable Integer tiers, String reason, @Nullable String evidence, String by) {
        return insert("""
                insert into assessment_decision (org_id, period_id, subject_id, kind, points, tiers, reason, evidence,
                                                 decided_by, decided_at, withdrawn)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""", orgId, periodId, subjectId, kind.name(), points, tiers,
                reason, evidence, by, now());
    }

    void withdrawDecision(long id) {
        jdbc.sql("update assessment_decision set withdrawn = true where id = ?").param(id).update();
    }

    List<Decision> decisions(long periodId) {
        return jdbc.sql("""
                select d.*, j.name as subject_name from assessment_decision d
                join assessment_subject j on j.id = d.subject_id
                where d.period_id = ? order by d.id""").param(periodId).query(AssessmentStore::decision).list();
    }

    Optional<Decision> decision(long id) {
        return jdbc.sql("""
                select d.*, j.name as subject_name from assessment_decision d
                join assessment_subject j on j.id = d.subject_id where d.id = ?""").param(id)
                .query(AssessmentStore::decision).optional();
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        int tiers = rs.getInt("tiers");
        Integer t = rs.wasNull() ? null : tiers;
        return new Decision(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_name"),
                DecisionKind.valueOf(rs.getString("kind")), rs.getBigDecimal("points"), t, rs.getString("reason"),
                rs.getString("evidence"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getBoolean("withdrawn"));
    }

    // ---------------------------------------------------------------- results and appeals

    /** The JSON of a result's breakdown. */
    record Breakdown(Map<String, BigDecimal> areas, Map<String, BigDecimal> sources, Map<String, BigDecimal> indicators,
            List<String> missing) {}

    record ResultRow(long id, long periodId, long subjectId, BigDecimal total, BigDecimal base, BigDecimal bonus,
            BigDecimal adjustment, int rank, @Nullable String tier, @Nullable String naturalTier, boolean vetoed,
            int demoted, Breakdown breakdown) {}

    /** Replaces a period's results in one batch (1,500 deputies are one round trip, not 1,500). */
    void replaceResults(long orgId, long periodId, List<ResultRow> rows) {
        jdbc.sql("delete from assessment_result where period_id = ?").param(periodId).update();
        OffsetDateTime at = now();
        List<Object[]> args = new java.util.ArrayList<>(rows.size());
        for (ResultRow r : rows) {
            args.add(new Object[] {orgId, periodId, r.subjectId(), r.total(), r.base(), r.bonus(), r.adjustment(),
                r.rank(), r.tier(), r.naturalTier(), r.vetoed(), r.demoted(), json(r.breakdown()), at});
        }
        batch.batchUpdate("""
                insert into assessment_result (org_id, period_id, subject_id, total, base_points, bonus_points,
                                               adjustment, rank_no, tier_code, natural_tier, vetoed, demoted,
                                               breakdown, computed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args,
                new int[] {java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.NUMERIC,
                    java.sql.Types.NUMERIC, java.sql.Types.NUMERIC, java.sql.Types.NUMERIC, java.sql.Types.INTEGER,
                    java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN, java.sql.Types.INTEGER,
                    java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP_WITH_TIMEZONE});
    }

    List<ResultRow> results(long periodId) {
        return jdbc.sql("select * from assessment_result where period_id = ? order by rank_no, id").param(periodId)
                .query(AssessmentStore::result).list();
    }

    Optional<ResultRow> result(long id) {
        return jdbc.sql("select * from assessment_result where id = ?").param(id).query(AssessmentStore::result)
                .optional();
    }

    private static ResultRow result(ResultSet rs, int n) throws SQLException {
        String tier = rs.getString("tier_code");
        return new ResultRow(rs.getLong("id"), rs.getLong("period_id"), rs.getLong("subject_id"),
                rs.getBigDecimal("total"), rs.getBigDecimal("base_points"), rs.getBigDecimal("bonus_points"),
                rs.getBigDecimal("adjustment"), rs.getInt("rank_no"), tier, rs.getString("natural_tier"),
                rs.getBoolean("vetoed"), rs.getInt("demoted"),
                JSON.readValue(rs.getString("breakdown"), Breakdown.class));
    }

    long insertAppeal(long orgId, long periodId, long subjectId, String body, String by) {
        return insert("""
                insert into assessment_appeal (org_id, period_id, subject_id, body, filed_by, filed_at)
                values (?, ?, ?, ?, ?, ?)""", orgId, periodId, subjectId, body, by, now());
    }

    void answerAppeal(long id, String answer, boolean upheld, String by) {
        int n = jdbc.sql("""
                update assessment_appeal set answer = ?, upheld = ?, answered_by = ?, answered_at = ?
                where id = ? and answer is null""").params(answer, upheld, by, now(), id).update();
        if (n == 0) {
            throw new DomainException("assessment.appeal.error.answered");
        }
    }

    List<Appeal> appeals(long periodId) {
        return jdbc.sql("""
                select a.*, j.name as subject_name from assessment_appeal a join assessment_subject j on j.id = a.subject_id
                where a.period_id = ? order by a.id""").param(periodId).query(AssessmentStore::appeal).list();
    }

    Optional<Appeal> appeal(long id) {
        return jdbc.sql("""
                select a.*, j.name as subject_name from assessment_appeal a join assessment_subject j on j.id = a.subject_id
                where a.id = ?""").param(id).query(AssessmentStore::appeal).optional();
    }

    private static Appeal appeal(ResultSet rs, int n) throws SQLException {
        boolean upheld = rs.getBoolean("upheld");
        Boolean u = rs.wasNull() ? null : upheld;
        return new Appeal(rs.getLong("id"), rs.getLong("period_id"), rs.getLong("subject_id"),
                rs.getString("subject_name"), rs.getString("body"), rs.getString("filed_by"), instant(rs, "filed_at"),
                rs.getString("answer"), rs.getString("answered_by"), u);
    }

    /** Published (or final) periods in which one of the given organisations or deputies is a subject. */
    List<Object[]> subjectAppearances(Collection<Long> orgIds, @Nullable Long deputyId) {
        if (orgIds.isEmpty() && deputyId == null) {
            return List.of();
        }
        return jdbc.sql("""
                select j.id, j.period_id from assessment_subject j
                join assessment_period p on p.id = j.period_id
                join assessment_scheme s on s.id = p.scheme_id
                where p.status in ('PUBLISHED', 'FINAL')
                  and ((s.subject_kind <> 'DEPUTY' and j.subject_ref in (:orgs))
                       or (s.subject_kind = 'DEPUTY' and j.subject_ref = :deputy))
                order by p.id desc""").param("orgs", orgIds.isEmpty() ? List.of(-1L) : orgIds)
                .param("deputy", deputyId == null ? -1L : deputyId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).list();
    }
}
