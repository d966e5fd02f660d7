package org.renda.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceEnums.Status;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.FileData;
import org.renda.compliance.ComplianceViews.FileView;
import org.renda.compliance.ComplianceViews.ItemView;
import org.renda.compliance.ComplianceViews.PartyReportFile;
import org.renda.compliance.ComplianceViews.PartyReportView;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The compliance tables. Reads of one record take its id (the desk guards it); lists over organisations take a Reach. */
@Repository
class ComplianceStore {

    /** A checklist row before the owner's name is added. */
    record ChecklistRow(long id, long orgId, String title, int versionNo, @Nullable OffsetDateTime frozenAt, int items) {}

    /** A new item, as imported. */
    record NewItem(int itemNo, String chapter, String body, String measure, @Nullable String evidenceKind) {}

    private final JdbcClient jdbc;

    ComplianceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    // --- checklists

    private static final String CHECKLIST_SELECT = """
            select c.id, c.org_id, c.title, c.version_no, c.frozen_at,
                   (select count(*) from compliance_item i where i.checklist_id = c.id)
              from compliance_checklist c""";

    private static ChecklistRow checklist(ResultSet rs, int n) throws SQLException {
        return new ChecklistRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class), rs.getInt(6));
    }

    Optional<ChecklistRow> checklist(long id) {
        return jdbc.sql(CHECKLIST_SELECT + " where c.id = ?").param(id).query(ComplianceStore::checklist).optional();
    }

    /** The newest version of each organisation's checklist among the given organisations. */
    Optional<ChecklistRow> latestChecklist(long orgId) {
        return jdbc.sql(CHECKLIST_SELECT + " where c.org_id = ? order by c.version_no desc").param(orgId)
                .query(ComplianceStore::checklist).list().stream().findFirst();
    }

    List<ChecklistRow> checklists(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CHECKLIST_SELECT + " where " + reach.sql("c.org_id") + " order by c.org_id, c.version_no desc")
                .params(reach.params()).query(ComplianceStore::checklist).list();
    }

    long insertChecklist(long orgId, String title, int versionNo, String by) {
        return insert("""
                insert into compliance_checklist (org_id, title, version_no, created_by, created_at)
                values (?, ?, ?, ?, ?)""", orgId, title, versionNo, by, OffsetDateTime.now());
    }

    void retitle(long checklistId, String title) {
        jdbc.sql("update compliance_checklist set title = ? where id = ?").params(title, checklistId).update();
    }

    void deleteItems(long checklistId) {
        jdbc.sql("delete from compliance_item where checklist_id = ?").param(checklistId).update();
    }

    void insertItem(long checklistId, long orgId, NewItem item) {
        jdbc.sql("""
                insert into compliance_item (checklist_id, org_id, item_no, chapter, body, measure, evidence_kind)
                values (?, ?, ?, ?, ?, ?, ?)""").params(checklistId, orgId, item.itemNo(), item.chapter(), item.body(),
                item.measure(), item.evidenceKind()).update();
    }

    /** Freezes the version if it is not yet: answers true when this call froze it. */
    boolean freeze(long checklistId) {
        return jdbc.sql("update compliance_checklist set frozen_at = ? where id = ? and frozen_at is null")
                .params(OffsetDateTime.now(), checklistId).update() == 1;
    }

    List<ItemView> items(long checklistId) {
        return jdbc.sql("""
                select id, checklist_id, item_no, chapter, body, measure, evidence_kind from compliance_item
                 where checklist_id = ? order by item_no""").param(checklistId)
                .query((rs, n) -> new ItemView(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    // --- assessments

    private static final String ASSESSMENT_SELECT = """
            select id, org_id, assess_year, checklist_id, status, submitted_at, submitted_by, reviewed_at, reviewed_by,
                   review_comment from compliance_assessment""";

    private static AssessmentView assessment(ResultSet rs, String orgName) throws SQLException {
        return new AssessmentView(rs.getLong(1), rs.getLong(2), orgName, rs.getInt(3), rs.getLong(4),
                Status.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getString(10));
    }

    Optional<AssessmentView> assessment(long id) {
        return jdbc.sql(ASSESSMENT_SELECT + " where id = ?").param(id).query((rs, n) -> assessment(rs, ""))
                .optional();
    }

    Optional<AssessmentView> assessment(long orgId, int year) {
        return jdbc.sql(ASSESSMENT_SELECT + " where org_id = ? and assess_year = ?").params(orgId, year)
                .query((rs, n) -> assessment(rs, "")).optional();
    }

    List<AssessmentView> assessments(Reach reach, int year) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ASSESSMENT_SELECT + " where assess_year = :year and " + reach.sql("org_id") + " order by org_id")
                .params(reach.params()).param("year", year).query((rs, n) -> assessment(rs, "")).list();
    }

    long insertAssessment(long orgId, int year, long checklistId, String by) {
        return insert("""
                insert into compliance_assessment (org_id, assess_year, checklist_id, status, created_by, created_at)
                values (?, ?, ?, 'DRAFT', ?, ?)""", orgId, year, checklistId, by, OffsetDateTime.now());
    }

    void insertRatings(long assessmentId, long orgId, long checklistId) {
        jdbc.sql("""
                insert into compliance_rating (assessment_id, org_id, item_id)
                select ?, ?, id from compliance_item where checklist_id = ? order by item_no""")
                .params(assessmentId, orgId, checklistId).update();
    }

    void submitted(long id, String by) {
        jdbc.sql("update compliance_assessment set status = 'SUBMITTED', submitted_at = ?, submitted_by = ? where id = ?")
                .params(OffsetDateTime.now(), by, id).update();
    }

    void reviewed(long id, Status status, @Nullable String comment, String by) {
        jdbc.sql("""
                update compliance_assessment set status = ?, reviewed_at = ?, reviewed_by = ?, review_comment = ?
                 where id = ?""").params(status.name(), OffsetDateTime.now(), by, comment, id).update();
    }

    // --- ratings

    private static final String RATING_SELECT = """
            select r.id, r.assessment_id, r.org_id, r.item_id, i.item_no, i.chapter, i.body, i.measure, i.evidence_kind,
                   r.rating, r.remark, r.record_link, r.review_note,
                   (select count(*) from compliance_file f where f.rating_id = r.id)
              from compliance_rating r join compliance_item i on i.id = r.item_id""";

    private static RatingView rating(ResultSet rs, int n) throws SQLException {
        String rating = rs.getString(10);
        return new RatingView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rating == null ? null : Rating.valueOf(rating), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getInt(14));
    }

    Optional<RatingView> rating(long id) {
        return jdbc.sql(RATING_SELECT + " where r.id = ?").param(id).query(ComplianceStore::rating).optional();
    }

    List<RatingView> ratings(long assessmentId) {
        return jdbc.sql(RATING_SELECT + " where r.assessment_id = ? order by i.item_no").param(assessmentId)
                .query(ComplianceStore::rating).list();
    }

    /** The ratings of every assessment of the year in reach: one query for a county's figures. */
    List<RatingView> ratings(Reach reach, int year) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RATING_SELECT + " " + """
                 join compliance_assessment a on a.id = r.assessment_id
                 where a.assess_year = :year and %s order by r.org_id, i.item_no""".formatted(reach.sql("r.org_id")))
                .params(reach.params()).param("year", year).query(ComplianceStore::rating).list();
    }

    void rate(long id, @Nullable Rating rating, @Nullable String remark, @Nullable String recordLink, String by) {
        jdbc.sql("""
                update compliance_rating set rating = ?, remark = ?, record_link = ?, updated_by = ?, updated_at = ?
                 where id = ?""").params(rating == null ? null : rating.name(), remark, recordLink, by,
                OffsetDateTime.now(), id).update();
    }

    void clearReviewNotes(long assessmentId) {
        jdbc.sql("update compliance_rating set review_note = null where assessment_id = ?").param(assessmentId)
                .update();
    }

    void reviewNote(long ratingId, @Nullable String note) {
        jdbc.sql("update compliance_rating set review_note = ? where id = ?").params(note, ratingId).update();
    }

    // --- files

    long insertFile(long ratingId, long orgId, String fileName, String contentType, byte[] data) {
        return insert("""
                insert into compliance_file (rating_id, org_id, file_name, content_type, size_bytes, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", ratingId, orgId, fileName, contentType, data.length, data,
                OffsetDateTime.now());
    }

    List<FileView> files(long assessmentId) {
        return jdbc.sql("""
                select f.id, f.rating_id, f.org_id, f.file_name, f.content_type, f.size_bytes
                  from compliance_file f join compliance_rating r on r.id = f.rating_id
                 where r.assessment_id = ? order by f.id""").param(assessmentId)
                .query((rs, n) -> new FileView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
    }

    Optional<FileData> file(long id) {
        return jdbc.sql("select id, org_id, file_name, content_type, data from compliance_file where id = ?").param(id)
                .query((rs, n) -> new FileData(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5))).optional();
    }

    // --- reports to the Party committee

    long insertPartyReport(long orgId, LocalDate reportedOn, String title, @Nullable String outcome,
            @Nullable String fileName, @Nullable String contentType, byte @Nullable [] data, String by) {
        return insert("""
                insert into compliance_party_report (org_id, report_year, reported_on, title, outcome, file_name,
                                                     content_type, data, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orgId, reportedOn.getYear(), reportedOn, title, outcome,
                fileName, contentType, data, by, OffsetDateTime.now());
    }

    void reportOutcome(long id, @Nullable String outcome) {
        jdbc.sql("update compliance_party_report set outcome = ? where id = ?").params(outcome, id).update();
    }

    private static final String REPORT_SELECT = """
            select id, org_id, report_year, reported_on, title, outcome, file_name, created_by
              from compliance_party_report""";

    private static PartyReportView report(ResultSet rs, int n) throws SQLException {
        return new PartyReportView(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    Optional<PartyReportView> partyReport(long id) {
        return jdbc.sql(REPORT_SELECT + " where id = ?").param(id).query(ComplianceStore::report).optional();
    }

    /** The reports of the year of the organisations in reach, oldest first. */
    List<PartyReportView> partyReports(Reach reach, int year) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REPORT_SELECT + " where report_year = :year and " + reach.sql("org_id")
                + " order by reported_on, id").params(reach.params()).param("year", year)
                .query(ComplianceStore::report).list();
    }

    Optional<PartyReportFile> partyReportFile(long id) {
        return jdbc.sql("select id, org_id, file_name, content_type, data from compliance_party_report where id = ?"
                + " and data is not null").param(id)
                .query((rs, n) -> new PartyReportFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5))).optional();
    }
}
