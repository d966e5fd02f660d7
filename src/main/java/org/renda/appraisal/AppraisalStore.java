package org.renda.appraisal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.BoardKind;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalEnums.EvidenceKind;
import org.renda.appraisal.AppraisalEnums.Opinion;
import org.renda.appraisal.AppraisalEnums.RectificationState;
import org.renda.appraisal.AppraisalEnums.RespondentGroup;
import org.renda.appraisal.AppraisalViews.BoardItem;
import org.renda.appraisal.AppraisalViews.CheckView;
import org.renda.appraisal.AppraisalViews.Evidence;
import org.renda.appraisal.AppraisalViews.GroupView;
import org.renda.appraisal.AppraisalViews.Questionnaire;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.AppraisalViews.SubjectLine;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The campaign tables: campaigns, groups, units under review, boards, evidence, questionnaires, the ledger. */
@Repository
class AppraisalStore {

    private final JdbcClient jdbc;

    AppraisalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Campaign(long id, long orgId, int forYear, String title, CampaignKind kind, BigDecimal threshold,
            int version) {}

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private long key(GeneratedKeyHolder keys) {
        return keys.getKeyAs(Number.class).longValue();
    }

    // --- campaigns ---

    long insertCampaign(long orgId, int forYear, String title, CampaignKind kind, BigDecimal threshold) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appraisal_campaign (org_id, for_year, title, kind, threshold, created_at)
                values (?, ?, ?, ?, ?, ?)""").params(orgId, forYear, title, kind.name(), threshold, now())
                .update(keys, "id");
        return key(keys);
    }

    Optional<Campaign> campaign(long id) {
        return jdbc.sql("select * from appraisal_campaign where id = ?").param(id).query(AppraisalStore::campaign)
                .optional();
    }

    List<Campaign> campaigns(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from appraisal_campaign where " + reach.sql("org_id") + " order by for_year desc, id desc")
                .params(reach.params()).query(AppraisalStore::campaign).list();
    }

    /** Campaigns with a unit under review that lies in the given organisations (a unit's own view). */
    List<Campaign> campaignsOfUnits(Reach units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from appraisal_campaign c where exists (select 1 from appraisal_subject s
                  where s.campaign_id = c.id and %s) order by for_year desc, id desc""".formatted(units.sql("s.subject_org_id")))
                .params(units.params()).query(AppraisalStore::campaign).list();
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("for_year"), rs.getString("title"),
                CampaignKind.valueOf(rs.getString("kind")), rs.getBigDecimal("threshold"), rs.getInt("version"));
    }

    int subjectCount(long campaignId) {
        return jdbc.sql("select count(*) from appraisal_subject where campaign_id = ?").param(campaignId)
                .query(Integer.class).single();
    }

    // --- groups and subjects ---

    long insertGroup(long campaignId, long orgId, String name, String leader, @Nullable String members,
            @Nullable String deputies) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appraisal_group (org_id, campaign_id, name, leader_name, members, deputies)
                values (?, ?, ?, ?, ?, ?)""").params(orgId, campaignId, name, leader, members, deputies)
                .update(keys, "id");
        return key(keys);
    }

    List<GroupView> groups(long campaignId) {
        return jdbc.sql("select * from appraisal_group where campaign_id = ? order by id").param(campaignId)
                .query((rs, n) -> new GroupView(rs.getLong("id"), rs.getString("name"), rs.getString("leader_name"),
                        rs.getString("members"), rs.getString("deputies")))
                .list();
    }

    long insertSubject(long campaignId, long orgId, @Nullable Long subjectOrgId, String title, int sortNo) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appraisal_subject (org_id, campaign_id, subject_org_id, title, sort_no)
                values (?, ?, ?, ?, ?)""").params(orgId, campaignId, subjectOrgId, title, sortNo).update(keys, "id");
        return key(keys);
    }

    private static final String SUBJECT_SELECT = """
            select s.*, g.name as group_name,
              (select count(*) from appraisal_board_item b where b.subject_id = s.id) as board_items,
              (select count(*) from appraisal_evidence e where e.subject_id = s.id) as evidence_count,
              (select count(*) from rectification r where r.subject_id = s.id and r.state <> 'ACCEPTED') as open_items
            from appraisal_subject s left join appraisal_group g on g.id = s.group_id
            """;

    List<SubjectLine> subjects(long campaignId) {
        return jdbc.sql(SUBJECT_SELECT + " where s.campaign_id = ? order by s.sort_no, s.id").param(campaignId)
                .query(AppraisalStore::subject).list();
    }

    /** The subjects of the year's campaigns of the organisations in reach (the campaign's organisation). */
    List<SubjectLine> subjectsOfYear(Reach reach, int year) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUBJECT_SELECT + " join appraisal_campaign c on c.id = s.campaign_id where "
                        + reach.sql("c.org_id") + " and c.for_year = :year order by c.id, s.sort_no, s.id")
                .params(reach.params()).param("year", year).query(AppraisalStore::subject).list();
    }

    Optional<SubjectLine> subject(long id) {
        return jdbc.sql(SUBJECT_SELECT + " where s.id = ?").param(id).query(AppraisalStore::subject).optional();
    }

    @Nullable String reportDraft(long subjectId) {
        return jdbc.sql("select report_draft from appraisal_subject where id = ?").param(subjectId)
                .query(String.class).optional().orElse(null);
    }

    void saveReport(long subjectId, String text) {
        jdbc.sql("update appraisal_subject set report_draft = ?, version = version + 1 where id = ?")
                .params(text, subjectId).update();
    }

    void assign(long subjectId, @Nullable Long groupId, @Nullable String leader) {
        jdbc.sql("update appraisal_subject set group_id = ?, liaison_leader = ?, version = version + 1 where id = ?")
                .params(groupId, leader, subjectId).update();
    }

    private static SubjectLine subject(ResultSet rs, int n) throws SQLException {
        return new SubjectLine(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("org_id"),
                (Long) rs.getObject("subject_org_id", Long.class), rs.getString("title"),
                (Long) rs.getObject("group_id", Long.class), rs.getString("group_name"),
                rs.getString("liaison_leader"), rs.getInt("sort_no"), rs.getInt("board_items"),
                rs.getInt("evidence_count"), rs.getInt("open_items"));
    }

    // --- public board and evidence ---

    long insertBoardItem(long subjectId, long orgId, BoardKind kind, String title, @Nullable String progress,
            String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appraisal_board_item (org_id, subject_id, kind, title, progress, done, updated_at, updated_by)
                values (?, ?, ?, ?, ?, false, ?, ?)""").params(orgId, subjectId, kind.name(), title, progress, now(), by)
                .update(keys, "id");
        return key(keys);
    }

    void updateBoardItem(long id, @Nullable String progress, boolean done, String by) {
        jdbc.sql("update appraisal_board_item set progress = ?, done = ?, updated_at = ?, updated_by = ? where id = ?")
                .params(progress, done, now(), by, id).update();
    }

    Optional<BoardItem> boardItem(long id) {
        return jdbc.sql("select * from appraisal_board_item where id = ?").param(id).query(AppraisalStore::board)
                .optional();
    }

    List<BoardItem> board(long subjectId) {
        return jdbc.sql("select * from appraisal_board_item where subject_id = ? order by kind, id").param(subjectId)
                .query(AppraisalStore::board).list();
    }

    private static BoardItem board(ResultSet rs, int n) throws SQLException {
        return new BoardItem(rs.getLong("id"), rs.getLong("subject_id"), BoardKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("progress"), rs.getBoolean("done"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }

    void insertEvidence(long subjectId, long orgId, EvidenceKind kind, LocalDate on, String finding, String by) {
        jdbc.sql("""
                insert into appraisal_evidence (org_id, subject_id, kind, checked_on, finding, recorded_by)
                values (?, ?, ?, ?, ?, ?)""").params(orgId, subjectId, kind.name(), on, finding, by).update();
    }

    List<Evidence> evidence(long subjectId) {
        return jdbc.sql("select * from appraisal_evidence where subject_id = ? order by checked_on, id").param(subjectId)
                .query((rs, n) -> new Evidence(rs.getLong("id"), EvidenceKind.valueOf(rs.getString("kind")),
                        rs.getObject("checked_on", LocalDate.class), rs.getString("finding"), rs.getString("recorded_by")))
                .list();
    }

    // --- questionnaires (五征求) ---

    void insertQuestionnaire(long subjectId, long orgId, RespondentGroup group, String code) {
        jdbc.sql("""
                insert into appraisal_questionnaire (org_id, subject_id, respondent_group, public_code)
                values (?, ?, ?, ?)""").params(orgId, subjectId, group.name(), code).update();
    }

    List<Questionnaire> questionnaires(long subjectId) {
        return jdbc.sql("select * from appraisal_questionnaire where subject_id = ? order by id").param(subjectId)
                .query(this::questionnaireRow).list();
    }

    Optional<Questionnaire> questionnaire(long id) {
        return jdbc.sql("select * from appraisal_questionnaire where id = ?").param(id).query(this::questionnaireRow)
                .optional();
    }

    Optional<Questionnaire> questionnaireByCode(String code) {
        return jdbc.sql("select * from appraisal_questionnaire where public_code = ?").param(code)
                .query(this::questionnaireRow).optional();
    }

    private Questionnaire questionnaireRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<String> opinions = jdbc.sql("select content from appraisal_opinion where questionnaire_id = ? order by id")
                .param(id).query(String.class).list();
        return new Questionnaire(id, rs.getLong("subject_id"), RespondentGroup.valueOf(rs.getString("respondent_group")),
                rs.getString("public_code"), rs.getBoolean("accepting"), rs.getInt("online_answers"),
                rs.getInt("paper_answers"), rs.getInt("n_satisfied"), rs.getInt("n_fairly"), rs.getInt("n_basic"),
                rs.getInt("n_unsatisfied"), opinions);
    }

    /** One online answer: a single atomic increment (no answerer, no time). */
    int answerOnline(long id, Opinion opinion) {
        String column = column(opinion);
        return jdbc.sql("update appraisal_questionnaire set online_answers = online_answers + 1, " + column + " = "
                + column + " + 1 where id = ? and accepting = true").param(id).update();
    }

    void insertOpinion(long questionnaireId, long orgId, String content) {
        jdbc.sql("insert into appraisal_opinion (org_id, questionnaire_id, content) values (?, ?, ?)")
                .params(orgId, questionnaireId, content).update();
    }

    /** Paper answers are added to the online ones. */
    void addPaper(long id, int satisfied, int fairly, int basic, int unsatisfied) {
        jdbc.sql("""
                update appraisal_questionnaire set paper_answers = paper_answers + ?, n_satisfied = n_satisfied + ?,
                  n_fairly = n_fairly + ?, n_basic = n_basic + ?, n_unsatisfied = n_unsatisfied + ? where id = ?""")
                .params(satisfied + fairly + basic + unsatisfied, satisfied, fairly, basic, unsatisfied, id).update();
    }

    void setAccepting(long id, boolean on) {
        jdbc.sql("update appraisal_questionnaire set accepting = ? where id = ?").params(on, id).update();
    }

    private static String column(Opinion o) {
        return switch (o) {
            case SATISFIED -> "n_satisfied";
            case FAIRLY -> "n_fairly";
            case BASIC -> "n_basic";
            case UNSATISFIED -> "n_unsatisfied";
        };
    }

    // --- rectification ledger ---

    long insertRectification(long orgId, long campaignId, long subjectId, @Nullable Long subjectOrgId, String problem,
            @Nullable String commitment, LocalDate dueOn, @Nullable Long carriedFrom) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rectification (org_id, campaign_id, subject_id, subject_org_id, problem, commitment, due_on,
                                           state, carried_from, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(orgId, campaignId, subjectId, subjectOrgId, problem, commitment, dueOn, carriedFrom, now())
                .update(keys, "id");
        return key(keys);
    }

    /** A finding of another source (supervision): no campaign, the source's id and title instead. */
    long insertSourcedRectification(long orgId, String sourceKind, long sourceId, String sourceTitle, int forYear,
            @Nullable Long unitOrgId, String problem, @Nullable String commitment, LocalDate dueOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rectification (org_id, source_kind, source_id, source_title, for_year, subject_org_id,
                                           problem, commitment, due_on, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(orgId, sourceKind, sourceId, sourceTitle, forYear, unitOrgId, problem, commitment, dueOn, now())
                .update(keys, "id");
        return key(keys);
    }

    private static final String RECT_SELECT = """
            select r.*, coalesce(s.title, r.source_title) as subject_title, coalesce(c.for_year, r.for_year) as item_year
            from rectification r
            left join appraisal_subject s on s.id = r.subject_id left join appraisal_campaign c on c.id = r.campaign_id
            """;

    /** The items found by these sources (e.g. the supervision subjects of one page), oldest first. */
    List<RectificationView> ofSources(String sourceKind, Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RECT_SELECT + " where r.source_kind = :kind and r.source_id in (:ids) order by r.id")
                .param("kind", sourceKind).param("ids", sourceIds).query(this::rect).list();
    }

    /** The items of one source kind within a reach, on the given column (org_id: the congress; subject_org_id: the unit). */
    List<RectificationView> ofSourceKind(String sourceKind, Reach reach, String column) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RECT_SELECT + " where r.source_kind = :kind and " + reach.sql("r." + column)
                + " order by r.due_on, r.id").params(reach.params()).param("kind", sourceKind).query(this::rect).list();
    }

    /** The items of the organisations in reach whose year (their own, or their campaign's) is the year. */
    List<RectificationView> ofYear(Reach reach, int year, @Nullable String state) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RECT_SELECT + " where " + reach.sql("r.org_id") + " and coalesce(r.for_year, c.for_year) = :year"
                        + (state == null ? "" : " and r.state = :state") + " order by r.due_on, r.id")
                .params(reach.params()).param("year", year).param("state", state == null ? "" : state)
                .query(this::rect).list();
    }

    Optional<RectificationView> rectification(long id) {
        return jdbc.sql(RECT_SELECT + " where r.id = ?").param(id).query(this::rect).optional();
    }

    List<RectificationView> ledger(long campaignId) {
        return jdbc.sql(RECT_SELECT + " where r.campaign_id = ? order by s.sort_no, r.id").param(campaignId)
                .query(this::rect).list();
    }

    List<RectificationView> ofSubject(long subjectId) {
        return jdbc.sql(RECT_SELECT + " where r.subject_id = ? order by r.id").param(subjectId).query(this::rect).list();
    }

    /** Items of earlier years not yet accepted, for the units of this campaign (carried into it). */
    List<RectificationView> openBefore(long orgId, int forYear, Collection<Long> unitOrgIds) {
        if (unitOrgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RECT_SELECT + """
                 where r.org_id = :org and c.for_year < :y and r.state <> 'ACCEPTED' and r.subject_org_id in (:units)
                 and not exists (select 1 from rectification n where n.carried_from = r.id)
                 order by r.id""").param("org", orgId).param("y", forYear).param("units", unitOrgIds)
                .query(this::rect).list();
    }

    int updateRectification(long id, int version, @Nullable String commitment, RectificationState state,
            @Nullable String report, @Nullable LocalDate reportedOn, @Nullable LocalDate acceptedOn,
            @Nullable String acceptance, @Nullable LocalDate interviewedOn, @Nullable String interviewNote) {
        return jdbc.sql("""
                update rectification set commitment = ?, state = ?, report = ?, reported_on = ?, accepted_on = ?,
                  acceptance = ?, interviewed_on = ?, interview_note = ?, version = version + 1
                where id = ? and version = ?""")
                .params(commitment, state.name(), report, reportedOn, acceptedOn, acceptance, interviewedOn,
                        interviewNote, id, version)
                .update();
    }

    void insertCheck(long rectificationId, long orgId, LocalDate on, String committee, String finding) {
        jdbc.sql("""
                insert into rectification_check (org_id, rectification_id, checked_on, committee, finding)
                values (?, ?, ?, ?, ?)""").params(orgId, rectificationId, on, committee, finding).update();
    }

    private RectificationView rect(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<CheckView> checks = jdbc.sql(
                "select * from rectification_check where rectification_id = ? order by checked_on, id").param(id)
                .query((c, i) -> new CheckView(c.getObject("checked_on", LocalDate.class), c.getString("committee"),
                        c.getString("finding")))
                .list();
        return new RectificationView(id, rs.getLong("org_id"), rs.getObject("campaign_id", Long.class),
                rs.getInt("item_year"), rs.getObject("subject_id", Long.class), rs.getString("subject_title"),
                (Long) rs.getObject("subject_org_id", Long.class), rs.getString("problem"), rs.getString("commitment"),
                rs.getObject("due_on", LocalDate.class), RectificationState.valueOf(rs.getString("state")),
                rs.getString("report"), rs.getObject("reported_on", LocalDate.class),
                rs.getObject("accepted_on", LocalDate.class), rs.getString("acceptance"),
                rs.getObject("interviewed_on", LocalDate.class), rs.getString("interview_note"),
                rs.getObject("carried_from") != null, checks, rs.getInt("version"),
                AppraisalEnums.RectificationSource.valueOf(rs.getString("source_kind")),
                rs.getObject("source_id", Long.class));
    }
}
