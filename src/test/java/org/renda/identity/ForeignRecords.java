package org.renda.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For each kind of record a route names by id, how to find one that lies outside a user's reach: a row of
 * the kind's table owned by an organisation outside the user's subtree (or, for per-user records, another
 * user's). A route's path variable is matched to its kind by the path segment before it
 * ({@code /stations/{id}} is a station, {@code /days/{dayId}} a reception day); nested variables are filled
 * from the same row ({@code /appraisals/subjects/{sid}/board/{itemId}}: the board item and its subject).
 */
final class ForeignRecords {

    /** A kind of record: its table, the condition "not ours", and the column naming its parent kind. */
    record Kind(String name, String table, String foreign, @Nullable String parentKind, @Nullable String parentColumn) {}

    private static final String NOT_OURS = "org_id not in (:ours)";

    /** Keyed by "segment/{variable}" as the routes spell them. */
    static final Map<String, Kind> BY_SEGMENT = new LinkedHashMap<>();

    private static void kind(String segment, String name, String table, String foreign, @Nullable String parentKind,
            @Nullable String parentColumn) {
        BY_SEGMENT.put(segment, new Kind(name, table, foreign, parentKind, parentColumn));
    }

    private static void kind(String segment, String name, String table) {
        kind(segment, name, table, NOT_OURS, null, null);
    }

    static {
        kind("orgs/{id}", "organisation", "organisation", "id not in (:ours)", null, null);
        kind("users/{id}", "user", "app_user");
        kind("tokens/{id}", "token", "api_token", "user_id <> :me", null, null);
        kind("inbox/{id}", "notification", "notification", "recipient_user_id <> :me", null, null);
        kind("deputies/{id}", "deputy", "deputy");
        kind("deputies/{deputyId}", "deputy", "deputy");
        kind("seats/{seatId}", "seat", "deputy_mandate", NOT_OURS, "deputy", "deputy_id");
        kind("grids/{gridId}", "grid", "grid");
        kind("commitments/{cid}", "commitment", "commitment", NOT_OURS, "deputy", "deputy_id");
        kind("duties/{id}", "dutyRecord", "duty_record");
        kind("evidence/{eid}", "dutyEvidence", "duty_evidence");
        kind("cases/{id}", "case", "case_item");
        kind("attachments/{aid}", "caseAttachment", "case_attachment");
        kind("stations/{id}", "station", "station");
        kind("staff/{staffId}", "stationStaff", "station_staff", NOT_OURS, "station", "station_id");
        kind("days/{dayId}", "receptionDay", "reception_day");
        kind("records/{recordId}", "receptionRecord", "reception_record");
        kind("items/{itemId}", "receptionItem", "reception_item");
        kind("photos/{photoId}", "receptionPhoto", "reception_photo");
        kind("activities/{activityId}", "stationActivity", "station_activity");
        kind("duties/{dutyId}", "receptionDuty", "reception_duty");
        kind("appraisals/{id}", "campaign", "appraisal_campaign");
        kind("subjects/{sid}", "appraisalSubject", "appraisal_subject");
        kind("board/{itemId}", "boardItem", "appraisal_board_item", NOT_OURS, "appraisalSubject", "subject_id");
        kind("questionnaires/{qid}", "questionnaire", "appraisal_questionnaire", NOT_OURS, "appraisalSubject",
                "subject_id");
        kind("rectifications/{rid}", "rectification", "rectification");
        kind("votes/{id}", "vote", "vote");
        kind("schemes/{id}", "scheme", "assessment_scheme");
        kind("periods/{id}", "period", "assessment_period");
        kind("sheets/{id}", "sheet", "assessment_sheet");
        kind("subjects/{id}", "assessmentSubject", "assessment_subject");
        kind("decisions/{id}", "decision", "assessment_decision");
        kind("appeals/{id}", "appeal", "assessment_appeal");
        kind("days/{id}", "calendarDay", "calendar_day");
        kind("steps/{processId}", "eightStepProcess", "eight_step_process");
        kind("stages/{stageId}", "eightStepStage", "eight_step_stage");
        kind("files/{fileId}", "eightStepFile", "eight_step_file");
        kind("official-reports/{planId}", "officialReportPlan", "official_report_plan");
        kind("officials/{officialId}", "officialReport", "official_report");
        kind("sittings/{sittingId}", "officialReportSitting", "official_report_sitting");
        kind("questions/{questionId}", "officialReportQuestion", "official_report_question");
        kind("meetings/{id}", "meeting", "meeting");
        kind("agenda/{agendaId}", "meetingAgendaItem", "meeting_agenda_item");
        kind("materials/{materialId}", "meetingMaterial", "meeting_material");
        kind("resolutions/{resolutionId}", "meetingResolution", "meeting_resolution");
        kind("presidiums/{presidiumId}", "meetingPresidium", "meeting_presidium");
        kind("subjects/{subjectId}", "supervisionSubject", "supervision_subject");
        kind("activities/{actId}", "supervisionActivity", "supervision_activity");
        kind("funds/{orgId}", "organisation", "organisation", "id not in (:ours)", null, null);
        kind("expenses/{expenseId}", "fundExpense", "fund_expense");
        kind("vouchers/{voucherId}", "fundVoucher", "fund_voucher");
        kind("flags/{flagId}", "fundDeputyFlag", "fund_deputy_flag");
        // regulation compliance (issue 14)
        kind("compliance/{orgId}", "organisation", "organisation", "id not in (:ours)", null, null);
        kind("assessments/{assessmentId}", "complianceAssessment", "compliance_assessment");
        kind("ratings/{ratingId}", "complianceRating", "compliance_rating");
        kind("files/{complianceFileId}", "complianceFile", "compliance_file");
        kind("checklists/{checklistId}", "complianceChecklist", "compliance_checklist");
        kind("party-reports/{partyReportId}", "compliancePartyReport", "compliance_party_report");
        // Named only by request parameters.
        kind("elections/{id}", "election", "election");
        kind("candidates/{candidateId}", "electionCandidate", "election_candidate", NOT_OURS, "election",
                "election_id");
        kind("#appraisalGroup", "appraisalGroup", "appraisal_group");
        kind("#voteRoll", "voteRoll", "vote_roll");
    }

    /** Query parameters that name a record, by parameter name: the segment whose kind they name. */
    static final Map<String, String> QUERY_PARAM_KINDS = Map.ofEntries(
            Map.entry("org", "orgs/{id}"),
            Map.entry("orgId", "orgs/{id}"),
            Map.entry("leadUnitId", "orgs/{id}"),
            Map.entry("coUnitIds", "orgs/{id}"),
            Map.entry("deputyId", "deputies/{id}"),
            Map.entry("deputyIds", "deputies/{id}"),
            Map.entry("sponsorDeputyId", "deputies/{id}"),
            Map.entry("cosignerIds", "deputies/{id}"),
            Map.entry("leaderDeputyId", "deputies/{id}"),
            Map.entry("gridId", "grids/{gridId}"),
            Map.entry("stationId", "stations/{id}"),
            Map.entry("recordId", "records/{recordId}"),
            Map.entry("dutyRecordIds", "duties/{id}"),
            Map.entry("withDutyId", "duties/{dutyId}"),
            Map.entry("campaignId", "appraisals/{id}"),
            Map.entry("periodId", "periods/{id}"),
            Map.entry("schemeId", "schemes/{id}"),
            Map.entry("userId", "users/{id}"),
            Map.entry("leaderUserId", "users/{id}"),
            Map.entry("caseId", "cases/{id}"),
            Map.entry("parentId", "stations/{id}"),
            Map.entry("dayId", "days/{dayId}"),
            Map.entry("subjectOrgId", "orgs/{id}"),
            Map.entry("memberUserIds", "users/{id}"),
            Map.entry("memberIds", "users/{id}"),
            Map.entry("groupId", "#appraisalGroup"),
            Map.entry("rollId", "#voteRoll"),
            Map.entry("sittingId", "sittings/{sittingId}"),
            Map.entry("meetingId", "meetings/{id}"));

    /** Parameters whose kind depends on the route: the first path segment decides. */
    static String subjectKind(String pattern) {
        return pattern.startsWith("/assessments") || pattern.startsWith("/api/v1/assessments") ? "subjects/{id}"
                : "subjects/{sid}";
    }

    private final JdbcClient jdbc;
    private final Set<Long> ours;
    private final long me;

    ForeignRecords(JdbcClient jdbc, Set<Long> ours, long me) {
        this.jdbc = jdbc;
        this.ours = ours;
        this.me = me;
    }

    /** The id of a foreign row of the kind and, if the kind has one, its parent's id. */
    Optional<long[]> row(Kind k) {
        String parent = k.parentColumn() == null ? "0" : k.parentColumn();
        List<long[]> rows = jdbc.sql("select id, " + parent + " from " + k.table() + " where " + k.foreign()
                        + " order by id")
                .param("ours", ours).param("me", me)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        return rows.stream().findFirst();
    }

    /**
     * Rows the demo county lacks outside 石桥镇 (attachments, evidence, an appeal, another user's token),
     * added under foreign records of the demo; the returned action removes them again.
     */
    Runnable seedMissing(long otherUserId) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        List<Runnable> undo = new java.util.ArrayList<>();
        long[] duty = row(kindOf("duties/{id}")).orElseThrow();
        long dutyOrg = orgOf("duty_record", duty[0]);
        undo.add(insert("duty_evidence", "insert into duty_evidence (record_id, org_id, file_name, content_type,"
                + " size_bytes, data, created_at) values (?, ?, 'matrix.png', 'image/png', 8, ?, ?)",
                duty[0], dutyOrg, png, now));
        long[] reception = row(kindOf("records/{recordId}")).orElseThrow();
        undo.add(insert("reception_photo", "insert into reception_photo (record_id, org_id, file_name, content_type,"
                + " size_bytes, data, created_at) values (?, ?, 'matrix.png', 'image/png', 8, ?, ?)",
                reception[0], orgOf("reception_record", reception[0]), png, now));
        long[] kase = row(kindOf("cases/{id}")).orElseThrow();
        undo.add(insert("case_attachment", "insert into case_attachment (case_id, org_id, file_name, content_type,"
                + " size_bytes, data, created_at) values (?, ?, 'matrix.png', 'image/png', 8, ?, ?)",
                kase[0], orgOf("case_item", kase[0]), png, now));
        long[] stage = row(kindOf("stages/{stageId}")).orElseThrow();
        undo.add(insert("eight_step_file", "insert into eight_step_file (stage_id, org_id, file_name, content_type,"
                + " size_bytes, data, created_at) values (?, ?, 'matrix.png', 'image/png', 8, ?, ?)",
                stage[0], orgOf("eight_step_stage", stage[0]), png, now));
        long subject = row(kindOf("subjects/{id}")).orElseThrow()[0];
        long period = jdbc.sql("select period_id from assessment_subject where id = ?").param(subject)
                .query(Long.class).single();
        undo.add(insert("assessment_appeal", "insert into assessment_appeal (org_id, period_id, subject_id, body,"
                + " filed_by, filed_at) values (?, ?, ?, '矩阵测试申诉', 'matrix', ?)",
                orgOf("assessment_subject", subject), period, subject, now));
        undo.add(insert("api_token", "insert into api_token (user_id, org_id, name, token_hash, created_at,"
                + " expires_at) values (?, (select org_id from app_user where id = ?), 'matrix', ?, ?, ?)",
                otherUserId, otherUserId, java.util.UUID.randomUUID().toString().replace("-", "")
                        + "00000000000000000000000000000000", now, now.plusDays(1)));
        return () -> undo.forEach(Runnable::run);
    }

    private long orgOf(String table, long id) {
        return jdbc.sql("select org_id from " + table + " where id = ?").param(id).query(Long.class).single();
    }

    private Runnable insert(String table, String sql, Object... args) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(args).update(keys, "id");
        long id = keys.getKeyAs(Long.class) == null ? keys.getKey().longValue() : keys.getKeyAs(Long.class);
        return () -> jdbc.sql("delete from " + table + " where id = ?").param(id).update();
    }

    /** The parent id of a row of a kind that has a parent column. */
    long parentOf(Kind k, long id) {
        return jdbc.sql("select " + k.parentColumn() + " from " + k.table() + " where id = ?").param(id)
                .query(Long.class).single();
    }

    static @Nullable Kind kindOf(String segment) {
        return BY_SEGMENT.get(segment);
    }

    static @Nullable Kind kindNamed(String name) {
        return BY_SEGMENT.values().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }
}
