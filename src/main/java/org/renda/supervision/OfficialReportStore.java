package org.renda.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Duty-report plans per organisation and term, their sittings, the officials and the deputies' questions. */
@Repository
class OfficialReportStore {

    private final JdbcClient jdbc;

    OfficialReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PlanRow(long id, long orgId, int termNo, String title, String createdBy) {}

    record SittingRow(long id, long planId, long orgId, LocalDate heldOn, String meeting, @Nullable Long voteId) {}

    record ReportRow(long id, long planId, long orgId, String name, String position, @Nullable Long sittingId,
            OfficialReportState state, @Nullable LocalDate reportedOn, @Nullable String summary,
            @Nullable Integer satisfied, @Nullable Integer validVotes, @Nullable BigDecimal rate, int sortNo,
            int version) {}

    record QuestionRow(long id, long reportId, long orgId, String askedBy, String question, @Nullable String answer) {}

    /** Counts of one plan: officials due, scheduled, reported (reported or voted), voted. */
    record Counts(long planId, long orgId, int termNo, int due, int scheduled, int reported, int voted) {}

    private static final String REPORT_COLUMNS = """
            id, plan_id, org_id, name, position, sitting_id, state, reported_on, summary, satisfied, valid_votes, rate,
            sort_no, version""";

    long insertPlan(long orgId, int termNo, String title, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into official_report_plan (org_id, term_no, title, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(orgId, termNo, title, by, OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean planExists(long orgId, int termNo) {
        return jdbc.sql("select count(*) from official_report_plan where org_id = ? and term_no = ?")
                .params(orgId, termNo).query(Long.class).single() > 0;
    }

    Optional<PlanRow> plan(long id) {
        return jdbc.sql("select id, org_id, term_no, title, created_by from official_report_plan where id = ?")
                .param(id).query(PlanRow.class).optional();
    }

    /** The plans in reach with their counts, newest term first; {@code termNo} null: every term. */
    List<Counts> counts(Reach reach, @Nullable Integer termNo) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.org_id, p.term_no,
                       count(r.id) as due,
                       count(r.sitting_id) as scheduled,
                       sum(case when r.state in ('REPORTED', 'VOTED') then 1 else 0 end) as reported,
                       sum(case when r.state = 'VOTED' then 1 else 0 end) as voted
                from official_report_plan p left join official_report r on r.plan_id = p.id""" + " where " + reach.sql("p.org_id") + (termNo == null ? "" : " and p.term_no = :term") + """

                group by p.id, p.org_id, p.term_no order by p.term_no desc, p.org_id""")
                .params(reach.params()).param("term", termNo == null ? 0 : termNo)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7))).list();
    }

    List<PlanRow> plans(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, org_id, term_no, title, created_by from official_report_plan where "
                + reach.sql("org_id") + " order by term_no desc, org_id").params(reach.params())
                .query(PlanRow.class).list();
    }

    long insertSitting(long planId, long orgId, LocalDate heldOn, String meeting) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into official_report_sitting (plan_id, org_id, held_on, meeting, created_at) values (?, ?, ?, ?, ?)")
                .params(planId, orgId, heldOn, meeting, OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<SittingRow> sittings(long planId) {
        return jdbc.sql("select id, plan_id, org_id, held_on, meeting, vote_id from official_report_sitting"
                + " where plan_id = ? order by held_on, id").param(planId).query(SittingRow.class).list();
    }

    Optional<SittingRow> sitting(long id) {
        return jdbc.sql("select id, plan_id, org_id, held_on, meeting, vote_id from official_report_sitting where id = ?")
                .param(id).query(SittingRow.class).optional();
    }

    void setVote(long sittingId, long voteId) {
        conflict(jdbc.sql("update official_report_sitting set vote_id = ? where id = ? and vote_id is null")
                .params(voteId, sittingId).update());
    }

    long insertReport(long planId, long orgId, String name, String position, @Nullable Long sittingId) {
        int sort = jdbc.sql("select coalesce(max(sort_no), 0) + 1 from official_report where plan_id = ?").param(planId)
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into official_report (plan_id, org_id, name, position, sitting_id, state, sort_no, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(planId, orgId, name, position, sittingId, sittingId == null ? OfficialReportState.DUE.name()
                        : OfficialReportState.SCHEDULED.name(), sort).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The officials of the organisations in reach who reported in a period, in these states, latest first. */
    List<ReportRow> reportedIn(Reach reach, LocalDate from, LocalDate to, Collection<OfficialReportState> states) {
        if (reach.isEmpty() || states.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + REPORT_COLUMNS + " from official_report where " + reach.sql("org_id")
                        + " and reported_on between :from and :to and state in (:states) order by reported_on desc, id desc")
                .params(reach.params()).param("from", from).param("to", to)
                .param("states", states.stream().map(Enum::name).toList()).query(ReportRow.class).list();
    }

    List<ReportRow> reports(long planId) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from official_report where plan_id = ? order by sort_no")
                .param(planId).query(ReportRow.class).list();
    }

    Optional<ReportRow> report(long id) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from official_report where id = ?").param(id)
                .query(ReportRow.class).optional();
    }

    void schedule(long id, int version, long sittingId) {
        conflict(jdbc.sql("""
                update official_report set sitting_id = ?, state = 'SCHEDULED', version = version + 1
                where id = ? and version = ?""").params(sittingId, id, version).update());
    }

    void report(long id, int version, LocalDate on, @Nullable String summary) {
        conflict(jdbc.sql("""
                update official_report set state = 'REPORTED', reported_on = ?, summary = ?, version = version + 1
                where id = ? and version = ?""").params(on, summary, id, version).update());
    }

    void voted(long id, int satisfied, int valid, BigDecimal rate) {
        jdbc.sql("""
                update official_report set state = 'VOTED', satisfied = ?, valid_votes = ?, rate = ?, version = version + 1
                where id = ?""").params(satisfied, valid, rate, id).update();
    }

    long insertQuestion(long reportId, long orgId, String askedBy, String question, @Nullable String answer) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into official_report_question (report_id, org_id, asked_by, question, answer, created_at)
                values (?, ?, ?, ?, ?, ?)""").params(reportId, orgId, askedBy, question, answer, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<QuestionRow> questions(long planId) {
        return jdbc.sql("""
                select q.id, q.report_id, q.org_id, q.asked_by, q.question, q.answer from official_report_question q
                join official_report r on r.id = q.report_id where r.plan_id = ? order by q.id""").param(planId)
                .query(QuestionRow.class).list();
    }

    Optional<QuestionRow> question(long id) {
        return jdbc.sql("select id, report_id, org_id, asked_by, question, answer from official_report_question where id = ?")
                .param(id).query(QuestionRow.class).optional();
    }

    void answer(long id, String answer) {
        jdbc.sql("update official_report_question set answer = ? where id = ?").params(answer, id).update();
    }

    private static void conflict(int updated) {
        if (updated == 0) {
            throw new DomainException("error.concurrentEdit");
        }
    }
}
