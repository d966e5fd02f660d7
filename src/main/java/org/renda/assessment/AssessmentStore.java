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

/**
 * The assessment tables of schemes, periods and subjects, and the helpers the module's other stores share
 * ({@link SheetStore}, {@link DecisionStore}, {@link ResultStore}). Lists take a Reach; rows loaded by id are
 * guarded by the facades (Reach.guard).
 */
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

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private long insert(String sql, Object... params) {
        return insert(jdbc, sql, params);
    }

    static long insert(JdbcClient jdbc, String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
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

    /** Puts the period on the public portal ({@code since} set) or takes it down ({@code null}). */
    void portal(long id, @Nullable OffsetDateTime since, @Nullable String by) {
        jdbc.sql("update assessment_period set public_since = ?, public_by = ? where id = ?")
                .params(since, by, id).update();
    }

    /** Since when the period's final results are public, if they are. */
    Optional<Instant> publicSince(long id) {
        return jdbc.sql("select public_since from assessment_period where id = ? and public_since is not null")
                .param(id).query((rs, n) -> instant(rs, "public_since")).optional();
    }

    /** The periods of one organisation whose final results are public, latest first. */
    List<PeriodRow> publicPeriods(long orgId) {
        return jdbc.sql("""
                select * from assessment_period where org_id = ? and status = 'FINAL' and public_since is not null
                order by for_year desc, ends_on desc, id desc""").param(orgId).query(AssessmentStore::period).list();
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
}
