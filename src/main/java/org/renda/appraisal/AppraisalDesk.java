package org.renda.appraisal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.BoardKind;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalEnums.EvidenceKind;
import org.renda.appraisal.AppraisalEnums.Opinion;
import org.renda.appraisal.AppraisalEnums.RespondentGroup;
import org.renda.appraisal.AppraisalViews.BoardItem;
import org.renda.appraisal.AppraisalViews.CampaignDetail;
import org.renda.appraisal.AppraisalViews.CampaignView;
import org.renda.appraisal.AppraisalViews.Evidence;
import org.renda.appraisal.AppraisalViews.HotlineFigures;
import org.renda.appraisal.AppraisalViews.PublicQuestionnaire;
import org.renda.appraisal.AppraisalViews.Questionnaire;
import org.renda.appraisal.AppraisalViews.SubjectDetail;
import org.renda.appraisal.AppraisalViews.SubjectLine;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseFigures;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.renda.shared.Texts;

/**
 * The appraisal campaign (工作评议): the units under review (full coverage of the departments and units of
 * the congress's level, or duty reports, or special reports), the appraisal groups and point-to-point
 * leaders, each unit's public board, the evidence of 一听取三核查五征求 and each group's report draft.
 * Staff run it with APPRAISAL_WRITE on the congress; a unit keeps its own board with APPRAISAL_RESPOND.
 */
@Service
@Transactional
public class AppraisalDesk {

    static final String AUDIT_TYPE = "appraisal";

    private final AppraisalStore store;
    private final OrgTree orgs;
    private final CaseFigures caseFigures;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    AppraisalDesk(AppraisalStore store, OrgTree orgs, CaseFigures caseFigures, CurrentActor currentActor,
            AuditTrail audit) {
        this.store = store;
        this.orgs = orgs;
        this.caseFigures = caseFigures;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A new campaign; {@code allUnits} puts every active department and unit directly under the congress on it. */
    public record NewCampaign(long orgId, @Min(2000) @Max(2100) int forYear, @NotBlank @Size(max = 200) String title,
            @NotNull CampaignKind kind, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal threshold,
            boolean allUnits) {}

    public record NewGroup(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String leaderName,
            @Nullable @Size(max = 1000) String members, @Nullable @Size(max = 1000) String deputies) {}

    public CampaignView create(NewCampaign c) {
        currentActor.require().require(Permission.APPRAISAL_WRITE, c.orgId());
        if (c.threshold().signum() < 0 || c.threshold().compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("appraisal.error.threshold");
        }
        checkTitle(c.title(), 200);
        if (c.forYear() < 2000 || c.forYear() > 2100) {
            throw new DomainException("appraisal.error.year");
        }
        long id = store.insertCampaign(c.orgId(), c.forYear(), c.title().strip(), c.kind(), c.threshold());
        if (c.allUnits()) {
            List<OrgView> units = orgs.findAll(orgs.subtreeIds(c.orgId())).stream()
                    .filter(o -> o.active() && Long.valueOf(c.orgId()).equals(o.parentId())
                            && (o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT))
                    .sorted(Comparator.comparing(OrgView::sortOrder).thenComparing(OrgView::code)).toList();
            int n = 0;
            for (OrgView u : units) {
                addSubjectRow(id, c.orgId(), u.id(), u.name(), ++n);
            }
        }
        audit.record(c.orgId(), AUDIT_TYPE, id, "CREATED", null,
                Map.of("title", c.title(), "year", c.forYear(), "kind", c.kind().name(), "subjects", store.subjectCount(id)));
        return view(store.campaign(id).orElseThrow());
    }

    /** Adds a unit (subjectOrgId) or a duty report / special report (a title only) to the campaign. */
    public SubjectLine addSubject(long campaignId, String title, @Nullable Long subjectOrgId) {
        AppraisalStore.Campaign c = writable(campaignId);
        String t = title == null ? "" : title.strip();
        if (subjectOrgId != null) {
            OrgView unit = orgs.find(subjectOrgId).orElseThrow(() -> new DomainException("appraisal.error.unit"));
            t = t.isEmpty() ? unit.name() : t;
        }
        if (t.isEmpty() || t.length() > 200) {
            throw new DomainException("appraisal.error.title");
        }
        final String subjectTitle = t;
        if (store.subjects(campaignId).stream().anyMatch(s -> s.title().equals(subjectTitle))) {
            throw new DomainException("appraisal.error.duplicate", t);
        }
        long id = addSubjectRow(campaignId, c.orgId(), subjectOrgId, t, store.subjectCount(campaignId) + 1);
        audit.record(c.orgId(), AUDIT_TYPE, campaignId, "SUBJECT_ADDED", null, Map.of("subject", t));
        return store.subject(id).orElseThrow();
    }

    private long addSubjectRow(long campaignId, long orgId, @Nullable Long subjectOrgId, String title, int sortNo) {
        long id = store.insertSubject(campaignId, orgId, subjectOrgId, title, sortNo);
        for (RespondentGroup g : RespondentGroup.values()) {
            store.insertQuestionnaire(id, orgId, g, newCode());
        }
        return id;
    }

    public long addGroup(long campaignId, NewGroup g) {
        AppraisalStore.Campaign c = writable(campaignId);
        checkTitle(g.name(), 100);
        checkTitle(g.leaderName(), 100);
        if (g.members() != null && g.members().length() > 1000 || g.deputies() != null && g.deputies().length() > 1000) {
            throw new DomainException("appraisal.error.title");
        }
        long id = store.insertGroup(campaignId, c.orgId(), g.name().strip(), g.leaderName().strip(), Texts.blankToNull(g.members()),
                Texts.blankToNull(g.deputies()));
        audit.record(c.orgId(), AUDIT_TYPE, campaignId, "GROUP_ADDED", null, g);
        return id;
    }

    /** Puts a unit under a group and names the leader who follows it point to point (点对点). */
    public void assign(long subjectId, @Nullable Long groupId, @Nullable String liaisonLeader) {
        SubjectLine s = subjectOf(subjectId);
        AppraisalStore.Campaign c = writable(s.campaignId());
        if (groupId != null && store.groups(c.id()).stream().noneMatch(g -> g.id() == groupId)) {
            throw new DomainException("appraisal.error.group");
        }
        if (liaisonLeader != null && liaisonLeader.length() > 100) {
            throw new DomainException("appraisal.error.title");
        }
        store.assign(subjectId, groupId, Texts.blankToNull(liaisonLeader));
        audit.record(c.orgId(), AUDIT_TYPE, c.id(), "ASSIGNED", null,
                Map.of("subject", s.title(), "group", String.valueOf(groupId), "leader", String.valueOf(liaisonLeader)));
    }

    // --- reads ---

    /**
     * The subjects (units and reports under review) of the year's campaigns of an organisation's subtree: the
     * annual report's subjects figure links to them. 404 for an organisation outside the APPRAISAL_READ reach.
     */
    @Transactional(readOnly = true)
    public List<SubjectLine> subjectsOfYear(long orgId, int year) {
        return store.subjectsOfYear(subtree(orgId), year);
    }

    /** The actor's APPRAISAL_READ reach narrowed to an organisation's subtree; 404 for a foreign organisation. */
    org.renda.shared.Reach subtree(long orgId) {
        org.renda.shared.Reach reach = currentActor.reach(Permission.APPRAISAL_READ);
        reach.check(orgId);
        return reach.narrow(orgs.subtreeIds(orgId));
    }

    @Transactional(readOnly = true)
    public List<CampaignView> campaigns() {
        Actor a = currentActor.require();
        Map<Long, AppraisalStore.Campaign> all = new LinkedHashMap<>();
        store.campaigns(a.reach(Permission.APPRAISAL_READ)).forEach(c -> all.put(c.id(), c));
        store.campaignsOfUnits(a.reach(Permission.APPRAISAL_RESPOND)).forEach(c -> all.putIfAbsent(c.id(), c));
        return all.values().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public CampaignDetail campaign(long id) {
        Actor a = currentActor.require();
        AppraisalStore.Campaign c = store.campaign(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        List<SubjectLine> subjects = store.subjects(id);
        if (!a.can(Permission.APPRAISAL_READ, c.orgId())) {
            subjects = subjects.stream().filter(s -> s.subjectOrgId() != null
                    && a.can(Permission.APPRAISAL_RESPOND, s.subjectOrgId())).toList();
            if (subjects.isEmpty()) {
                throw new NotFoundException("error.notFound");
            }
            return new CampaignDetail(view(c), List.of(), subjects, false);
        }
        return new CampaignDetail(view(c), store.groups(id), subjects, a.can(Permission.APPRAISAL_WRITE, c.orgId()));
    }

    @Transactional(readOnly = true)
    public SubjectDetail subject(long subjectId) {
        Actor a = currentActor.require();
        SubjectLine s = readable(subjectId);
        AppraisalStore.Campaign c = store.campaign(s.campaignId()).orElseThrow();
        boolean mayWrite = a.can(Permission.APPRAISAL_WRITE, c.orgId());
        boolean mayRespond = s.subjectOrgId() != null && a.can(Permission.APPRAISAL_RESPOND, s.subjectOrgId());
        boolean staff = a.can(Permission.APPRAISAL_READ, c.orgId());
        var rects = store.ofSubject(subjectId);
        return new SubjectDetail(view(c), s, staff ? store.reportDraft(subjectId) : null, store.board(subjectId),
                staff ? store.evidence(subjectId) : List.of(), staff ? store.questionnaires(subjectId) : List.of(),
                staff ? hotline(s, c.forYear()) : null, rects, mayWrite, mayRespond);
    }

    /** The unit's cases of the year from casework (by lead unit), if the reader may read cases. */
    private @Nullable HotlineFigures hotline(SubjectLine s, int year) {
        if (s.subjectOrgId() == null || !currentActor.require().canAny(Permission.CASE_READ)) {
            return null;
        }
        String name = orgs.find(s.subjectOrgId()).map(OrgView::name).orElse(s.title());
        return caseFigures.figures(CaseFigures.By.UNIT, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(f -> f.label().equals(name)).findFirst()
                .map(f -> new HotlineFigures(f.collected(), f.closed(), f.rated(), f.satisfied()))
                .orElse(new HotlineFigures(0, 0, 0, 0));
    }

    // --- the public board: staff or the unit itself ---

    public long addBoardItem(long subjectId, BoardKind kind, String title, @Nullable String progress) {
        SubjectLine s = boardWritable(subjectId);
        checkTitle(title, 300);
        checkProgress(progress);
        long id = store.insertBoardItem(subjectId, s.orgId(), kind, title.strip(), Texts.blankToNull(progress),
                currentActor.auditName());
        audit.record(s.orgId(), AUDIT_TYPE, s.campaignId(), "BOARD_ADDED", null,
                Map.of("subject", s.title(), "kind", kind.name(), "title", title.strip()));
        return id;
    }

    public void updateBoardItem(long itemId, @Nullable String progress, boolean done) {
        BoardItem item = store.boardItem(itemId).orElseThrow(() -> new NotFoundException("error.notFound"));
        SubjectLine s = boardWritable(item.subjectId());
        checkProgress(progress);
        store.updateBoardItem(itemId, Texts.blankToNull(progress), done, currentActor.auditName());
        audit.record(s.orgId(), AUDIT_TYPE, s.campaignId(), "BOARD_UPDATED",
                Map.of("progress", String.valueOf(item.progress()), "done", item.done()),
                Map.of("progress", String.valueOf(progress), "done", done));
    }

    // --- evidence: 一听取三核查 ---

    public void addEvidence(long subjectId, EvidenceKind kind, LocalDate checkedOn, String finding) {
        SubjectLine s = subjectOf(subjectId);
        writable(s.campaignId());
        if (finding == null || finding.isBlank() || finding.length() > 4000) {
            throw new DomainException("appraisal.error.finding");
        }
        store.insertEvidence(subjectId, s.orgId(), kind, checkedOn, finding.strip(), currentActor.auditName());
        audit.record(s.orgId(), AUDIT_TYPE, s.campaignId(), "EVIDENCE_ADDED", null,
                Map.of("subject", s.title(), "kind", kind.name(), "on", checkedOn.toString()));
    }

    // --- questionnaires: 五征求 ---

    /** Totals counted from paper questionnaires, added to the online answers. */
    public void enterPaper(long questionnaireId, int satisfied, int fairly, int basic, int unsatisfied) {
        Questionnaire q = store.questionnaire(questionnaireId).orElseThrow(() -> new NotFoundException("error.notFound"));
        SubjectLine s = subjectOf(q.subjectId());
        writable(s.campaignId());
        if (satisfied < 0 || fairly < 0 || basic < 0 || unsatisfied < 0 || satisfied + fairly + basic + unsatisfied == 0
                || satisfied + fairly + basic + unsatisfied > 100_000) {
            throw new DomainException("appraisal.error.counts");
        }
        store.addPaper(questionnaireId, satisfied, fairly, basic, unsatisfied);
        audit.record(s.orgId(), AUDIT_TYPE, s.campaignId(), "QUESTIONNAIRE_PAPER", null,
                Map.of("subject", s.title(), "group", q.group().name(), "satisfied", satisfied, "fairly", fairly,
                        "basic", basic, "unsatisfied", unsatisfied));
    }

    public void setAccepting(long questionnaireId, boolean on) {
        Questionnaire q = store.questionnaire(questionnaireId).orElseThrow(() -> new NotFoundException("error.notFound"));
        SubjectLine s = subjectOf(q.subjectId());
        writable(s.campaignId());
        store.setAccepting(questionnaireId, on);
        audit.record(s.orgId(), AUDIT_TYPE, s.campaignId(), on ? "QUESTIONNAIRE_OPENED" : "QUESTIONNAIRE_CLOSED", null,
                Map.of("subject", s.title(), "group", q.group().name()));
    }

    /** The public answering page of a questionnaire (by its code, no sign-in). */
    @Transactional(readOnly = true)
    public PublicQuestionnaire questionnaire(String publicCode) {
        Questionnaire q = store.questionnaireByCode(publicCode).orElseThrow(() -> new NotFoundException("error.notFound"));
        SubjectLine s = store.subject(q.subjectId()).orElseThrow();
        AppraisalStore.Campaign c = store.campaign(s.campaignId()).orElseThrow();
        return new PublicQuestionnaire(publicCode, s.title(), c.title(), q.group(), q.accepting());
    }

    /** One anonymous online answer: a level and an optional opinion. Not audited (no actor, like a ballot). */
    public void answer(String publicCode, Opinion opinion, @Nullable String text) {
        Questionnaire q = store.questionnaireByCode(publicCode).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (store.answerOnline(q.id(), opinion) != 1) {
            throw new DomainException("appraisal.error.notAccepting");
        }
        String t = Texts.blankToNull(text);
        if (t != null) {
            if (t.length() > 2000) {
                throw new DomainException("appraisal.error.opinionLength");
            }
            store.insertOpinion(q.id(), store.subject(q.subjectId()).orElseThrow().orgId(), t);
        }
    }

    // --- the group's report draft ---

    /** A first draft assembled from the evidence, the questionnaires, the hotline figures and the board. */
    @Transactional(readOnly = true)
    public String assembleDraft(long subjectId) {
        SubjectDetail d = subject(subjectId);
        StringBuilder b = new StringBuilder();
        b.append("关于").append(d.subject().title()).append(d.campaign().forYear()).append("年度工作的评议调研报告\n\n");
        b.append("一、基本情况\n");
        for (Evidence e : d.evidence()) {
            b.append("（").append(label(e.kind())).append("，").append(e.checkedOn()).append("）").append(e.finding())
                    .append("\n");
        }
        if (d.hotline() != null) {
            HotlineFigures h = d.hotline();
            b.append("核查热线投诉和办结情况：全年受理 ").append(h.collected()).append(" 件，办结 ").append(h.closed())
                    .append(" 件，办结率 ").append(percent(h.closureRate())).append("，已评价 ").append(h.rated())
                    .append(" 件，满意率 ").append(percent(h.satisfactionRate())).append("。\n");
        }
        long done = d.board().stream().filter(BoardItem::done).count();
        b.append("公示事项 ").append(d.board().size()).append(" 项，已完成 ").append(done).append(" 项。\n\n");
        b.append("二、征求意见情况\n");
        for (Questionnaire q : d.questionnaires()) {
            if (q.answers() > 0) {
                b.append(label(q.group())).append("：收回 ").append(q.answers()).append(" 份，满意及较满意占 ")
                        .append(percent(q.satisfactionRate())).append("。\n");
            }
        }
        b.append("\n三、存在问题\n\n四、意见建议\n");
        return b.toString();
    }

    public void saveReport(long subjectId, String text) {
        SubjectLine s = subjectOf(subjectId);
        writable(s.campaignId());
        if (text == null || text.length() > 50_000) {
            throw new DomainException("appraisal.error.report");
        }
        store.saveReport(subjectId, text);
        audit.record(s.orgId(), AUDIT_TYPE, s.campaignId(), "REPORT_SAVED", null, Map.of("subject", s.title()));
    }

    // --- helpers shared in the module ---

    AppraisalStore.Campaign writable(long campaignId) {
        return currentActor.reach(Permission.APPRAISAL_WRITE).guard(store.campaign(campaignId),
                AppraisalStore.Campaign::orgId);
    }

    private SubjectLine subjectOf(long subjectId) {
        return store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** Readable by staff of the congress or by the unit itself; 404 otherwise. */
    SubjectLine readable(long subjectId) {
        return staffOrUnit(subjectId, Permission.APPRAISAL_READ);
    }

    private SubjectLine boardWritable(long subjectId) {
        return staffOrUnit(subjectId, Permission.APPRAISAL_WRITE);
    }

    /** Staff with the permission on the congress, or the unit under review answering for itself; 404 otherwise. */
    private SubjectLine staffOrUnit(long subjectId, Permission staff) {
        Actor a = currentActor.require();
        SubjectLine s = subjectOf(subjectId);
        if (s.subjectOrgId() != null && a.reach(Permission.APPRAISAL_RESPOND).covers(s.subjectOrgId())) {
            return s;
        }
        return a.reach(staff).check(s, SubjectLine::orgId);
    }

    CampaignView view(AppraisalStore.Campaign c) {
        return new CampaignView(c.id(), c.orgId(), orgs.find(c.orgId()).map(OrgView::name).orElse(""), c.forYear(),
                c.title(), c.kind(), c.threshold(), store.subjectCount(c.id()));
    }

    /** The public key of a questionnaire or a vote page: the same alphabet as the ballot codes. */
    static String newCode() {
        return BallotBox.newCode();
    }

    private static String percent(double rate) {
        return String.format("%.1f%%", rate * 100);
    }

    private static String label(EvidenceKind k) {
        return switch (k) {
            case HEARING -> "听取工作汇报";
            case DOCUMENTS -> "核查工作资料";
            case HOTLINE -> "核查热线投诉办结";
            case SITE -> "核查落实现场";
        };
    }

    private static String label(RespondentGroup g) {
        return switch (g) {
            case CADRES -> "被评议部门中层以上干部";
            case RELATED_UNITS -> "相关联单位";
            case SERVED -> "服务对象";
            case TOWN_LEADERS -> "镇街主要领导";
            case DISCIPLINE -> "纪律和行风监督部门";
        };
    }

    static void checkTitle(@Nullable String title, int max) {
        if (title == null || title.isBlank() || title.strip().length() > max) {
            throw new DomainException("appraisal.error.title");
        }
    }

    private static void checkProgress(@Nullable String progress) {
        if (progress != null && progress.length() > 2000) {
            throw new DomainException("appraisal.error.progress");
        }
    }

}
