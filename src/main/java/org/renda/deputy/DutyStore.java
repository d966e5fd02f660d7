package org.renda.deputy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyViews.DutyRecordView;
import org.renda.deputy.DeputyViews.EvidenceView;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The duty record and evidence tables. */
@Repository
class DutyStore {

    private static final String SELECT = """
            select r.*, d.name as deputy_name,
                   (select count(*) from duty_evidence e where e.record_id = r.id) as evidence_count
            from duty_record r join deputy d on d.id = r.deputy_id""";

    private final JdbcClient jdbc;

    DutyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long deputyId, long orgId, DutyType type, LocalDate on, String title, @Nullable String content,
            @Nullable String place, DutyStatus status, String recordedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into duty_record (deputy_id, org_id, type, occurred_on, title, content, place, status,
                                         recorded_by, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(deputyId, orgId, type.name(), on, title, content, place, status.name(), recordedBy,
                        OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void setSourceKey(long id, String sourceKey) {
        jdbc.sql("update duty_record set source_key = ? where id = ?").params(sourceKey, id).update();
    }

    Optional<Long> bySourceKey(String sourceKey) {
        return jdbc.sql("select id from duty_record where source_key = ?").param(sourceKey).query(Long.class).optional();
    }

    void review(long id, int version, DutyStatus status, @Nullable String note, String by) {
        int n = jdbc.sql("""
                update duty_record set status = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?,
                                       version = version + 1
                where id = ? and version = ?""")
                .params(status.name(), note, by, OffsetDateTime.now(), id, version).update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    Optional<DutyRecordView> byId(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(DutyStore::view).optional();
    }

    int version(long id) {
        return jdbc.sql("select version from duty_record where id = ?").param(id).query(Integer.class).single();
    }

    /** A deputy's records in a period, newest first (the diary). */
    List<DutyRecordView> ofDeputy(long deputyId, LocalDate from, LocalDate to, @Nullable DutyStatus status) {
        String sql = SELECT + " where r.deputy_id = :d and r.occurred_on between :from and :to"
                + (status == null ? "" : " and r.status = :status") + " order by r.occurred_on desc, r.id desc";
        var spec = jdbc.sql(sql).param("d", deputyId).param("from", from).param("to", to);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query(DutyStore::view).list();
    }

    /** Verified records per type for one deputy in a period. */
    Map<DutyType, Integer> countsByType(long deputyId, LocalDate from, LocalDate to) {
        Map<DutyType, Integer> counts = new EnumMap<>(DutyType.class);
        jdbc.sql("""
                select type, count(*) from duty_record
                where deputy_id = ? and status = 'VERIFIED' and occurred_on between ? and ?
                group by type""")
                .params(deputyId, from, to)
                .query(rs -> {
                    counts.put(DutyType.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /** Verified records per deputy and type in a period, for many deputies at once (assessment, lists). */
    Map<Long, Map<DutyType, Integer>> countsByDeputy(Reach orgs, LocalDate from, LocalDate to) {
        Map<Long, Map<DutyType, Integer>> out = new HashMap<>();
        if (orgs.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select deputy_id, type, count(*) from duty_record
                where %s and status = 'VERIFIED' and occurred_on between :from and :to
                group by deputy_id, type""".formatted(orgs.sql("org_id")))
                .params(orgs.params()).param("from", from).param("to", to)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DutyType.class))
                            .put(DutyType.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return out;
    }

    /** Records waiting for staff, oldest first. */
    List<DutyRecordView> queue(Reach orgs, int limit) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.*, d.name as deputy_name,
                       (select count(*) from duty_evidence e where e.record_id = r.id) as evidence_count
                from (select * from duty_record where %s and status = 'SUBMITTED'
                      order by occurred_on, id limit :limit) r
                join deputy d on d.id = r.deputy_id order by r.occurred_on, r.id""".formatted(orgs.sql("org_id")))
                .params(orgs.params()).param("limit", limit).query(DutyStore::view).list();
    }

    /** How many records wait, counted up to {@code atMost} (a province's 300,000 are not counted one by one). */
    long queueSize(Reach orgs, long atMost) {
        if (orgs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from (select 1 from duty_record where " + orgs.sql("org_id")
                        + " and status = 'SUBMITTED' limit :atMost) q")
                .params(orgs.params()).param("atMost", atMost).query(Long.class).single();
    }

    /** Of the given deputies, those with a verified record of the type in the period. */
    Set<Long> deputiesWith(Reach orgs, DutyType type, LocalDate from, LocalDate to) {
        if (orgs.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select distinct deputy_id from duty_record
                where %s and type = :type and status = 'VERIFIED'
                  and occurred_on between :from and :to""".formatted(orgs.sql("org_id")))
                .params(orgs.params()).param("type", type.name()).param("from", from).param("to", to)
                .query(Long.class).list());
    }

    /** The date of each deputy's latest verified record of a type. */
    Map<Long, LocalDate> latest(Reach orgs, DutyType type) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (orgs.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select deputy_id, max(occurred_on) from duty_record
                where %s and type = :type and status = 'VERIFIED' group by deputy_id""".formatted(orgs.sql("org_id")))
                .params(orgs.params()).param("type", type.name())
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return out;
    }

    long addEvidence(long recordId, long orgId, String fileName, String contentType, byte[] data) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into duty_evidence (record_id, org_id, file_name, content_type, size_bytes, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(recordId, orgId, fileName, contentType, data.length, data, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<EvidenceView> evidence(long recordId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from duty_evidence where record_id = ?"
                        + " order by id")
                .param(recordId)
                .query((rs, n) -> new EvidenceView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** The evidence of several records at once (the review queue), without bytes. */
    Map<Long, List<EvidenceView>> evidence(java.util.Collection<Long> recordIds) {
        Map<Long, List<EvidenceView>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select id, record_id, file_name, content_type, size_bytes from duty_evidence
                where record_id in (:ids) order by record_id, id""")
                .param("ids", recordIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(2), k -> new java.util.ArrayList<>()).add(new EvidenceView(
                            rs.getLong(1), rs.getString(3), rs.getString(4), rs.getInt(5)));
                });
        return out;
    }

    record Evidence(long recordId, String fileName, String contentType, byte[] data) {}

    Optional<Evidence> evidenceFile(long evidenceId) {
        return jdbc.sql("select record_id, file_name, content_type, data from duty_evidence where id = ?")
                .param(evidenceId)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private static DutyRecordView view(ResultSet rs, int n) throws SQLException {
        return new DutyRecordView(rs.getLong("id"), rs.getLong("deputy_id"), rs.getString("deputy_name"),
                rs.getLong("org_id"), DutyType.valueOf(rs.getString("type")),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("title"), rs.getString("content"),
                rs.getString("place"), DutyStatus.valueOf(rs.getString("status")), rs.getString("review_note"),
                rs.getString("recorded_by"), rs.getString("reviewed_by"), rs.getInt("evidence_count"));
    }

    /**
     * The verified records of the reach in a period, of one type if given (what the annual report counts as
     * deputies.duties and deputies.reportsToVoters), newest first.
     */
    List<DutyRecordView> verified(Reach orgs, LocalDate from, LocalDate to, @Nullable DutyType type, int limit,
            int offset) {
        Map<String, Object> p = verifiedParams(orgs, from, to, type);
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql("""
                select r.*, d.name as deputy_name,
                       (select count(*) from duty_evidence e where e.record_id = r.id) as evidence_count
                from duty_record r join deputy d on d.id = r.deputy_id
                where %s order by r.occurred_on desc, r.id desc limit :limit offset :offset"""
                .formatted(verifiedWhere(orgs, type))).params(p).query(DutyStore::view).list();
    }

    long verifiedCount(Reach orgs, LocalDate from, LocalDate to, @Nullable DutyType type) {
        return jdbc.sql("select count(*) from duty_record r where " + verifiedWhere(orgs, type))
                .params(verifiedParams(orgs, from, to, type)).query(Long.class).single();
    }

    private static String verifiedWhere(Reach orgs, @Nullable DutyType type) {
        return orgs.sql("r.org_id") + " and r.status = 'VERIFIED' and r.occurred_on between :from and :to"
                + (type == null ? "" : " and r.type = :type");
    }

    private static Map<String, Object> verifiedParams(Reach orgs, LocalDate from, LocalDate to,
            @Nullable DutyType type) {
        Map<String, Object> p = new java.util.HashMap<>(orgs.params());
        p.put("from", from);
        p.put("to", to);
        if (type != null) {
            p.put("type", type.name());
        }
        return p;
    }
}
