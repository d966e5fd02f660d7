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

/** What staff and the presidium put into a period besides sheets: satisfaction rates, bonus items, decisions. */
@Repository
class DecisionStore {

    private final JdbcClient jdbc;


    DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;

    }

    private long insert(String sql, Object... params) {
        return AssessmentStore.insert(jdbc, sql, params);
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
            @Nullable Integer tiers, List<String> indicators, String reason, @Nullable String evidence, String by) {
        return insert("""
                insert into assessment_decision (org_id, period_id, subject_id, kind, points, tiers, indicator_codes,
                                                 reason, evidence, decided_by, decided_at, withdrawn)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""", orgId, periodId, subjectId, kind.name(), points,
                tiers, indicators.isEmpty() ? null : String.join(",", indicators), reason, evidence, by, now());
    }

    void withdrawDecision(long id) {
        jdbc.sql("update assessment_decision set withdrawn = true where id = ?").param(id).update();
    }

    List<Decision> decisions(long periodId) {
        return jdbc.sql("""
                select d.*, j.name as subject_name from assessment_decision d
                join assessment_subject j on j.id = d.subject_id
                where d.period_id = ? order by d.id""").param(periodId).query(DecisionStore::decision).list();
    }

    Optional<Decision> decision(long id) {
        return jdbc.sql("""
                select d.*, j.name as subject_name from assessment_decision d
                join assessment_subject j on j.id = d.subject_id where d.id = ?""").param(id)
                .query(DecisionStore::decision).optional();
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        int tiers = rs.getInt("tiers");
        Integer t = rs.wasNull() ? null : tiers;
        String codes = rs.getString("indicator_codes");
        return new Decision(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_name"),
                DecisionKind.valueOf(rs.getString("kind")), rs.getBigDecimal("points"), t,
                codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")), rs.getString("reason"),
                rs.getString("evidence"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getBoolean("withdrawn"));
    }
}
