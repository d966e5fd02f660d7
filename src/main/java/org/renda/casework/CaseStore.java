package org.renda.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseViews.Assignment;
import org.renda.casework.CaseViews.Attachment;
import org.renda.casework.CaseViews.CaseSummary;
import org.renda.casework.CaseViews.Step;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The casework tables. */
@Repository
class CaseStore {

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case row as stored. */
    record Row(long id, long orgId, String receiptCode, Source source, Kind kind, String category, String title,
            String content, @Nullable String location, @Nullable String submitterName, @Nullable String submitterPhone,
            boolean anonymous, @Nullable Long sponsorDeputyId, boolean complex, CaseState state, @Nullable LocalDate dueOn,
            @Nullable String keySupervisor, @Nullable Rating rating, @Nullable Outcome outcome,
            @Nullable Long mergedIntoId, Instant createdAt, @Nullable Instant closedAt, int version) {

        /** What the audit log keeps of a case before and after a change (the phone masked). */
        Map<String, Object> snapshot() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", title);
            m.put("receiptCode", receiptCode);
            m.put("state", state.name());
            m.put("dueOn", String.valueOf(dueOn));
            m.put("rating", String.valueOf(rating));
            m.put("outcome", String.valueOf(outcome));
            m.put("submitterPhone", org.renda.shared.Masking.phone(submitterPhone));
            return m;
        }
    }

    record NewCase(long orgId, String receiptCode, Source source, Kind kind, String category, String title,
            String content, @Nullable String location, @Nullable String submitterName,
            @Nullable String submitterPhone, boolean anonymous, @Nullable Long sponsorDeputyId, boolean complex,
            @Nullable String idempotencyKey) {}

    long insert(NewCase c) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into case_item (org_id, receipt_code, source, kind, category, title, content, location,
                                       submitter_name, submitter_phone, anonymous, sponsor_deputy_id, complex, state,
                                       idempotency_key, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, 0)""")
                .params(c.orgId(), c.receiptCode(), c.source().name(), c.kind().name(), c.category(), c.title(),
                        c.content(), c.location(), c.submitterName(), c.submitterPhone(), c.anonymous(),
                        c.sponsorDeputyId(), c.complex(), c.idempotencyKey(), now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select * from case_item where id = ?").param(id).query(CaseStore::row).optional();
    }

    Optional<Row> byReceipt(String code) {
        return jdbc.sql("select * from case_item where receipt_code = ?").param(code).query(CaseStore::row).optional();
    }

    Optional<Row> byIdempotencyKey(String key) {
        return jdbc.sql("select * from case_item where idempotency_key = ?").param(key).query(CaseStore::row).optional();
    }

    /** Moves a case to a new state, guarded by its version so two clerks cannot act on the same state. */
    void transition(long id, int version, CaseState to, @Nullable LocalDate dueOn, boolean setDue,
            @Nullable Rating rating, @Nullable Outcome outcome, @Nullable Long mergedInto) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = jdbc.sql("""
                update case_item set state = :to,
                       due_on = case when :setDue then cast(:due as date) else due_on end,
                       rating = coalesce(cast(:rating as varchar(20)), rating),
                       outcome = coalesce(cast(:outcome as varchar(20)), outcome),
                       merged_into_id = coalesce(cast(:merged as bigint), merged_into_id),
                       closed_at = case when :finished then :now else closed_at end,
                       updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("to", to.name()).param("setDue", setDue).param("due", dueOn)
                .param("rating", rating == null ? null : rating.name())
                .param("outcome", outcome == null ? null : outcome.name())
                .param("merged", mergedInto).param("finished", to.finished()).param("now", now)
                .param("id", id).param("version", version)
                .update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    void setKeySupervisor(long id, @Nullable String supervisor) {
        jdbc.sql("update case_item set key_supervisor = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(supervisor, OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /** Writes a step to the case's timeline; answers the step's id. */
    long addEvent(long caseId, long orgId, String actor, CaseAction action, @Nullable CaseState from, CaseState to,
            @Nullable String note, boolean publicNote) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_event (case_id, org_id, occurred_at, actor, action, from_state, to_state, note,
                                        public_note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, orgId, OffsetDateTime.now(ZoneOffset.UTC), actor, action.name(),
                        from == null ? null : from.name(), to.name(), note, publicNote)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Step> timeline(long caseId) {
        return jdbc.sql("select * from case_event where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new Step(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), CaseAction.valueOf(rs.getString("action")),
                        rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")),
                        CaseState.valueOf(rs.getString("to_state")), rs.getString("note"), rs.getBoolean("public_note")))
                .list();
    }

    boolean wasRehandled(long caseId) {
        return jdbc.sql("select count(*) from case_event where case_id = ? and to_state = 'REHANDLING'").param(caseId)
                .query(Integer.class).single() > 0;
    }

    void assign(long caseId, long orgId, long unitOrgId, boolean lead) {
        jdbc.sql("""
                insert into case_assignment (case_id, org_id, unit_org_id, lead, assigned_at)
                values (?, ?, ?, ?, ?)""")
                .params(caseId, orgId, unitOrgId, lead, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    void signAssignments(long caseId, Collection<Long> units) {
        jdbc.sql("update case_assignment set signed_at = :now where case_id = :c and unit_org_id in (:units)"
                        + " and ended_at is null and signed_at is null")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("c", caseId).param("units", units).update();
    }

    void endAssignments(long caseId, String reason) {
        jdbc.sql("update case_assignment set ended_at = ?, end_reason = ? where case_id = ? and ended_at is null")
                .params(OffsetDateTime.now(ZoneOffset.UTC), reason, caseId).update();
    }

    List<Assignment> assignments(long caseId, Map<Long, String> names) {
        return jdbc.sql("select * from case_assignment where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new Assignment(rs.getLong("id"), rs.getLong("unit_org_id"),
                        names.getOrDefault(rs.getLong("unit_org_id"), ""), rs.getBoolean("lead"),
                        instant(rs, "assigned_at"), instant(rs, "signed_at"), instant(rs, "ended_at"),
                        rs.getString("end_reason")))
                .list();
    }

    List<Long> assignedUnits(long caseId) {
        return jdbc.sql("select unit_org_id from case_assignment where case_id = ?").param(caseId).query(Long.class)
                .list();
    }

    List<Long> activeUnits(long caseId, boolean leadOnly) {
        return jdbc.sql("select unit_org_id from case_assignment where case_id = ? and ended_at is null"
                        + (leadOnly ? " and lead = true" : ""))
                .param(caseId).query(Long.class).list();
    }

    void addCosigner(long caseId, long deputyId, long orgId) {
        jdbc.sql("insert into case_cosigner (case_id, deputy_id, org_id) values (?, ?, ?)").params(caseId, deputyId, orgId)
                .update();
    }

    List<Long> cosigners(long caseId) {
        return jdbc.sql("select deputy_id from case_cosigner where case_id = ?").param(caseId).query(Long.class).list();
    }

    /** Keeps a file of the case: the submission's own ({@code eventId} null) or one sent with a step (a reply). */
    void addAttachment(long caseId, long orgId, @Nullable Long eventId, String name, String type, byte[] data) {
        jdbc.sql("""
                insert into case_attachment (case_id, org_id, event_id, file_name, content_type, size_bytes, data,
                                             created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, orgId, eventId, name, type, data.length, data, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    List<Attachment> attachments(long caseId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, event_id from case_attachment where case_id = ?
                        order by id""")
                .param(caseId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, Long.class)))
                .list();
    }

    record File(long caseId, String name, String type, byte[] data) {}

    Optional<File> attachment(long id) {
        return jdbc.sql("select case_id, file_name, content_type, data from case_attachment where id = ?").param(id)
                .query((rs, n) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional();
    }

    /** Filters of a case list; the SQL text depends only on which filters are set. */
    record Filter(Reach orgs, Reach units, @Nullable CaseState state, boolean openOnly,
            boolean overdueOnly, @Nullable String category, @Nullable String text, @Nullable Long sponsorDeputyId,
            LocalDate today, @Nullable Instant receivedFrom, @Nullable Instant receivedTo) {}

    List<CaseSummary> list(Filter f, int limit, int offset) {
        if (f.orgs().isEmpty() && f.units().isEmpty() && f.sponsorDeputyId() == null) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        String where = where(f, p);
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql("""
                select c.*, (select a.unit_org_id from case_assignment a where a.case_id = c.id and a.lead = true
                             and a.ended_at is null) as lead_unit
                from case_item c where """ + where + " order by c.created_at desc, c.id desc limit :limit offset :offset")
                .params(p)
                .query((rs, n) -> new CaseSummary(rs.getLong("id"), rs.getLong("org_id"), rs.getString("receipt_code"),
                        Source.valueOf(rs.getString("source")), Kind.valueOf(rs.getString("kind")),
                        rs.getString("category"), rs.getString("title"), CaseState.valueOf(rs.getString("state")),
                        rs.getObject("due_on", LocalDate.class), rs.getString("key_supervisor") != null,
                        instant(rs, "created_at"),
                        rs.getObject("lead_unit", Long.class) == null ? null : String.valueOf(rs.getLong("lead_unit"))))
                .list();
    }

    long count(Filter f) {
        if (f.orgs().isEmpty() && f.units().isEmpty() && f.sponsorDeputyId() == null) {
            return 0;
        }
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("select count(*) from case_item c where " + where(f, p)).params(p).query(Long.class).single();
    }

    private static String where(Filter f, Map<String, Object> p) {
        StringBuilder reach = new StringBuilder("(1 = 0");
        if (!f.orgs().isEmpty()) {
            reach.append(" or ").append(f.orgs().sql("c.org_id"));
            p.putAll(f.orgs().params());
        }
        if (!f.units().isEmpty()) {
            reach.append(" or exists (select 1 from case_assignment a where a.case_id = c.id and ")
                    .append(f.units().sql("a.unit_org_id")).append(")");
            p.putAll(f.units().params());
        }
        if (f.sponsorDeputyId() != null) {
            reach.append(" or c.sponsor_deputy_id = :sponsor or exists (select 1 from case_cosigner s where"
                    + " s.case_id = c.id and s.deputy_id = :sponsor)");
            p.put("sponsor", f.sponsorDeputyId());
        }
        StringBuilder sql = new StringBuilder(reach).append(")");
        if (f.state() != null) {
            sql.append(" and c.state = :state");
            p.put("state", f.state().name());
        } else if (f.openOnly()) {
            sql.append(" and c.state not in ('CLOSED', 'MERGED', 'WITHDRAWN')");
        }
        if (f.overdueOnly()) {
            sql.append(" and c.state in ('ASSIGNED', 'IN_PROGRESS', 'REHANDLING') and c.due_on < :today");
            p.put("today", f.today());
        }
        if (f.category() != null && !f.category().isBlank()) {
            sql.append(" and c.category = :category");
            p.put("category", f.category());
        }
        if (f.receivedFrom() != null && f.receivedTo() != null) {
            sql.append(" and c.created_at >= :receivedFrom and c.created_at < :receivedTo");
            p.put("receivedFrom", java.sql.Timestamp.from(f.receivedFrom()));
            p.put("receivedTo", java.sql.Timestamp.from(f.receivedTo()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" and (c.title like :text or c.receipt_code = :code)");
            p.put("text", "%" + f.text().strip().replace("%", "").replace("_", "") + "%");
            p.put("code", f.text().strip().toUpperCase());
        }
        return sql.toString();
    }

    /** Figures per organisation of the case (collected in the period, and where those cases stand now). */
    List<Object[]> figures(Reach orgs, Instant from, Instant to, LocalDate today, String groupColumn) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + groupColumn + """
                        , count(*),
                        sum(case when state = 'CLOSED' then 1 else 0 end),
                        sum(case when state in ('ASSIGNED', 'IN_PROGRESS', 'REHANDLING') and due_on < :today then 1 else 0 end),
                        sum(case when rating is not null then 1 else 0 end),
                        sum(case when rating in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end)
                        from case_item where %s and created_at >= :from and created_at < :to
                          and state not in ('MERGED', 'WITHDRAWN')
                        group by\s""".formatted(orgs.sql("org_id")) + groupColumn + " order by " + groupColumn)
                .params(orgs.params()).param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).param("today", today)
                .query((rs, n) -> new Object[] {rs.getObject(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6)})
                .list();
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String rating = rs.getString("rating");
        String outcome = rs.getString("outcome");
        return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getString("receipt_code"),
                Source.valueOf(rs.getString("source")), Kind.valueOf(rs.getString("kind")), rs.getString("category"),
                rs.getString("title"), rs.getString("content"), rs.getString("location"), rs.getString("submitter_name"),
                rs.getString("submitter_phone"), rs.getBoolean("anonymous"), rs.getObject("sponsor_deputy_id", Long.class),
                rs.getBoolean("complex"), CaseState.valueOf(rs.getString("state")), rs.getObject("due_on", LocalDate.class),
                rs.getString("key_supervisor"), rating == null ? null : Rating.valueOf(rating),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getObject("merged_into_id", Long.class),
                instant(rs, "created_at"), instant(rs, "closed_at"), rs.getInt("version"));
    }
}
