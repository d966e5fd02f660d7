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

/** The computed results of a period (breakdown as JSON, written in one batch) and the subjects' appeals. */
@Repository
class ResultStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ResultStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private long insert(String sql, Object... params) {
        return AssessmentStore.insert(jdbc, sql, params);
    }

    // ---------------------------------------------------------------- results and appeals

    /** The JSON of a result's breakdown. */
    record Breakdown(Map<String, BigDecimal> areas, Map<String, BigDecimal> sources, Map<String, BigDecimal> indicators,
            List<String> missing, @Nullable List<String> excused) {

        Breakdown {
            excused = excused == null ? List.of() : List.copyOf(excused); // absent in results stored before EXCUSE
        }
    }

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
                .query(ResultStore::result).list();
    }

    Optional<ResultRow> result(long id) {
        return jdbc.sql("select * from assessment_result where id = ?").param(id).query(ResultStore::result)
                .optional();
    }

    private static ResultRow result(ResultSet rs, int n) throws SQLException {
        String tier = rs.getString("tier_code");
        return new ResultRow(rs.getLong("id"), rs.getLong("period_id"), rs.getLong("subject_id"),
                rs.getBigDecimal("total"), rs.getBigDecimal("base_points"), rs.getBigDecimal("bonus_points"),
                rs.getBigDecimal("adjustment"), rs.getInt("rank_no"), tier, rs.getString("natural_tier"),
                rs.getBoolean("vetoed"), rs.getInt("demoted"),
                AssessmentStore.JSON.readValue(rs.getString("breakdown"), Breakdown.class));
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
                where a.period_id = ? order by a.id""").param(periodId).query(ResultStore::appeal).list();
    }

    Optional<Appeal> appeal(long id) {
        return jdbc.sql("""
                select a.*, j.name as subject_name from assessment_appeal a join assessment_subject j on j.id = a.subject_id
                where a.id = ?""").param(id).query(ResultStore::appeal).optional();
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
