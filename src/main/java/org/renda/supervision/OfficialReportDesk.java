package org.renda.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteScale;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.audit.AuditTrail;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.Texts;
import org.renda.shared.excel.Xlsx;
import org.renda.supervision.OfficialReportStore.Counts;
import org.renda.supervision.OfficialReportStore.PlanRow;
import org.renda.supervision.OfficialReportStore.QuestionRow;
import org.renda.supervision.OfficialReportStore.ReportRow;
import org.renda.supervision.OfficialReportStore.SittingRow;
import org.renda.supervision.OfficialReportViews.Figures;
import org.renda.supervision.OfficialReportViews.OfficialView;
import org.renda.supervision.OfficialReportViews.OrgFigures;
import org.renda.supervision.OfficialReportViews.PlanSummary;
import org.renda.supervision.OfficialReportViews.PlanView;
import org.renda.supervision.OfficialReportViews.QuestionView;
import org.renda.supervision.OfficialReportViews.SittingView;
import org.renda.supervision.OfficialReportViews.TermFigures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Officials' duty reports (述职评议, seed 001: "镇政府负责人在任期内全部向代表述职一次"; 22 have reported): per
 * organisation and term, the government heads due to report, the congress sittings they report at, the deputies'
 * questions and the answers, and the satisfaction vote, which is the appraisal module's secret vote
 * ({@link VoteDesk#create}) with the officials of a sitting as its subjects. Staff ({@link Permission#SUPERVISION_WRITE})
 * keep the plan; creating the vote also needs {@link Permission#APPRAISAL_WRITE}, as any vote does.
 */
@Service
@Transactional
@Validated
public class OfficialReportDesk {

    static final String AUDIT_PLAN = "official_report_plan";
    static final String AUDIT_REPORT = "official_report";

    private final OfficialReportStore store;
    private final VoteDesk votes;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    OfficialReportDesk(OfficialReportStore store, VoteDesk votes, OrgTree orgs, CurrentActor currentActor,
            AuditTrail audit) {
        this.store = store;
        this.votes = votes;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A term's plan of an organisation; the term is the congress's 届 (as deputies' seats count it). */
    public record NewPlan(long orgId, @Min(1) @Max(99) int termNo, @NotBlank @Size(max = 200) String title) {}

    public record SittingForm(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String meeting) {}

    /** An official due to report; {@code sittingId} when the sitting is already known. */
    public record OfficialForm(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 100) String position,
            @Nullable Long sittingId) {}

    public record ReportForm(@NotNull LocalDate reportedOn, @Nullable @Size(max = 4000) String summary,
            @Min(0) int version) {}

    public record QuestionForm(@NotBlank @Size(max = 50) String askedBy, @NotBlank @Size(max = 2000) String question,
            @Nullable @Size(max = 4000) String answer) {}

    /** The vote of a sitting: its scale, and the share of satisfied votes below which an official is flagged. */
    public record VoteForm(@NotNull VoteScale scale, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal threshold) {

        public static VoteForm standard() {
            return new VoteForm(VoteScale.FOUR_LEVEL, new BigDecimal("0.8"));
        }
    }

    // ---- plans

    public PlanView createPlan(@Valid NewPlan p) {
        currentActor.require().require(Permission.SUPERVISION_WRITE, p.orgId());
        if (store.planExists(p.orgId(), p.termNo())) {
            throw DomainException.onField("termNo", "officialReport.error.planExists", p.termNo());
        }
        long id = store.insertPlan(p.orgId(), p.termNo(), p.title().strip(), currentActor.auditName());
        audit.record(p.orgId(), AUDIT_PLAN, id, "CREATED", null, Map.of("termNo", p.termNo(), "title", p.title().strip()));
        return plan(id);
    }

    @Transactional(readOnly = true)
    public PlanView plan(long id) {
        return view(currentActor.reach(Permission.SUPERVISION_READ).guard(store.plan(id), PlanRow::orgId));
    }

    /** The plan an official, a sitting or a question belongs to, for whoever may read it (404 otherwise). */
    @Transactional(readOnly = true)
    public long planOfOfficial(long reportId) {
        return currentActor.reach(Permission.SUPERVISION_READ).guard(store.report(reportId), ReportRow::orgId).planId();
    }

    @Transactional(readOnly = true)
    public long planOfSitting(long sittingId) {
        return currentActor.reach(Permission.SUPERVISION_READ).guard(store.sitting(sittingId), SittingRow::orgId)
                .planId();
    }

    @Transactional(readOnly = true)
    public long planOfQuestion(long questionId) {
        QuestionRow q = currentActor.reach(Permission.SUPERVISION_READ).guard(store.question(questionId),
                QuestionRow::orgId);
        return store.report(q.reportId()).orElseThrow().planId();
    }

    /**
     * The officials of an organisation's subtree who reported in the year, latest first (the annual report's
     * officials' reports figure links here); 404 for an organisation outside the actor's SUPERVISION_READ reach.
     * REPORTED holds those voted on since (they reported first), as the plans' figures count them.
     */
    @Transactional(readOnly = true)
    public List<OfficialReportViews.ReportedLine> reported(long orgId, int year, @Nullable OfficialReportState state) {
        Reach reach = currentActor.reach(Permission.SUPERVISION_READ);
        reach.check(orgId); // a foreign organisation: 404
        List<OfficialReportState> states = state == null ? List.of(OfficialReportState.values())
                : state == OfficialReportState.REPORTED ? List.of(OfficialReportState.REPORTED, OfficialReportState.VOTED)
                : List.of(state);
        List<OfficialReportStore.ReportRow> rows = store.reportedIn(reach.narrow(orgs.subtreeIds(orgId)),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), states);
        Map<Long, String> names = names(rows.stream().map(OfficialReportStore.ReportRow::orgId).distinct().toList());
        return rows.stream().map(r -> new OfficialReportViews.ReportedLine(r.id(), r.planId(), r.orgId(),
                names.getOrDefault(r.orgId(), ""), r.name(), r.position(), r.state(), r.reportedOn())).toList();
    }

    /** The plans in the reader's reach with their figures, newest term first. */
    @Transactional(readOnly = true)
    public List<PlanSummary> plans() {
        Reach reach = currentActor.reach(Permission.SUPERVISION_READ);
        Map<Long, Counts> counts = store.counts(reach, null).stream()
                .collect(Collectors.toMap(Counts::planId, c -> c));
        List<PlanRow> rows = store.plans(reach);
        Map<Long, String> names = names(rows.stream().map(PlanRow::orgId).toList());
        return rows.stream().map(r -> new PlanSummary(r.id(), r.orgId(), names.getOrDefault(r.orgId(), ""), r.termNo(),
                r.title(), figures(counts.get(r.id())))).toList();
    }

    public boolean canWrite(long orgId) {
        return currentActor.require().can(Permission.SUPERVISION_WRITE, orgId);
    }

    public boolean canVote(long orgId) {
        return currentActor.require().can(Permission.APPRAISAL_WRITE, orgId);
    }

    @Transactional(readOnly = true)
    public List<OrgView> writableOrgs() {
        return orgs.within(currentActor.reach(Permission.SUPERVISION_WRITE),
                java.util.EnumSet.range(org.renda.org.OrgType.PROVINCE, org.renda.org.OrgType.STREET));
    }

    /**
     * A term's figures over an organisation's subtree (a county: the sum of its towns, like seed 001's 22): one row per
     * organisation with a plan for the term, and the total. Only plans in the reader's reach count.
     */
    @Transactional(readOnly = true)
    public TermFigures termFigures(long orgId, int termNo) {
        Reach reach = currentActor.reach(Permission.SUPERVISION_READ);
        OrgView org = orgs.find(orgId).filter(o -> reach.covers(o.id()))
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        List<Counts> counts = store.counts(reach.narrow(orgs.subtreeIds(orgId)), termNo);
        Map<Long, String> names = names(counts.stream().map(Counts::orgId).toList());
        Map<Long, OrgFigures> rows = new LinkedHashMap<>();
        for (Counts c : counts) {
            OrgFigures before = rows.get(c.orgId());
            Figures f = figures(c);
            rows.put(c.orgId(), before == null ? new OrgFigures(c.orgId(), names.getOrDefault(c.orgId(), ""), 1, f)
                    : new OrgFigures(c.orgId(), before.orgName(), before.plans() + 1, before.figures().plus(f)));
        }
        List<OrgFigures> list = rows.values().stream()
                .sorted(java.util.Comparator.comparing(OrgFigures::orgName)).toList();
        Figures total = list.stream().map(OrgFigures::figures).reduce(new Figures(0, 0, 0, 0), Figures::plus);
        return new TermFigures(org.id(), org.name(), termNo, list, total);
    }

    // ---- sittings and officials

    public PlanView addSitting(long planId, @Valid SittingForm f) {
        PlanRow plan = writablePlan(planId);
        checkDate(f.heldOn(), "heldOn");
        long id = store.insertSitting(plan.id(), plan.orgId(), f.heldOn(), f.meeting().strip());
        audit.record(plan.orgId(), AUDIT_PLAN, plan.id(), "SITTING_ADDED", null,
                Map.of("sitting", id, "heldOn", f.heldOn().toString(), "meeting", f.meeting().strip()));
        return plan(plan.id());
    }

    public PlanView addOfficial(long planId, @Valid OfficialForm f) {
        PlanRow plan = writablePlan(planId);
        if (f.sittingId() != null) {
            sittingOf(plan, f.sittingId());
        }
        long id = store.insertReport(plan.id(), plan.orgId(), f.name().strip(), f.position().strip(), f.sittingId());
        audit.record(plan.orgId(), AUDIT_REPORT, id, "CREATED", null, Map.of("name", f.name().strip(), "position",
                f.position().strip(), "sitting", String.valueOf(f.sittingId())));
        return plan(plan.id());
    }

    /** Puts an official on a sitting (or moves them) while they have not reported. */
    public PlanView schedule(long reportId, long sittingId) {
        ReportRow r = writableReport(reportId);
        PlanRow plan = store.plan(r.planId()).orElseThrow();
        SittingRow s = sittingOf(plan, sittingId);
        if (r.state() == OfficialReportState.REPORTED || r.state() == OfficialReportState.VOTED) {
            throw new DomainException("officialReport.error.alreadyReported", r.name());
        }
        store.schedule(r.id(), r.version(), s.id());
        audit.record(r.orgId(), AUDIT_REPORT, r.id(), "SCHEDULED", Map.of("sitting", String.valueOf(r.sittingId())),
                Map.of("sitting", s.id(), "heldOn", s.heldOn().toString(), "meeting", s.meeting()));
        return plan(plan.id());
    }

    /** Records that the official reported at their sitting (once per term). */
    public PlanView report(long reportId, @Valid ReportForm f) {
        ReportRow r = writableReport(reportId);
        if (r.state() != OfficialReportState.SCHEDULED) {
            throw new DomainException(r.state() == OfficialReportState.DUE ? "officialReport.error.notScheduled"
                    : "officialReport.error.alreadyReported", r.name());
        }
        checkDate(f.reportedOn(), "reportedOn");
        if (f.reportedOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("reportedOn", "officialReport.error.future");
        }
        store.report(r.id(), f.version(), f.reportedOn(), Texts.blankToNull(f.summary()));
        audit.record(r.orgId(), AUDIT_REPORT, r.id(), "REPORTED", Map.of("state", r.state().name()),
                Map.of("reportedOn", f.reportedOn().toString(), "state", OfficialReportState.REPORTED.name()));
        return plan(r.planId());
    }

    /** A deputy's question to a reporting official, with the answer when given at once. */
    public PlanView ask(long reportId, @Valid QuestionForm f) {
        ReportRow r = writableReport(reportId);
        if (r.state() == OfficialReportState.DUE || r.state() == OfficialReportState.SCHEDULED) {
            throw new DomainException("officialReport.error.notReported", r.name());
        }
        long id = store.insertQuestion(r.id(), r.orgId(), f.askedBy().strip(), f.question().strip(),
                Texts.blankToNull(f.answer()));
        audit.record(r.orgId(), AUDIT_REPORT, r.id(), "QUESTION_ASKED", null, Map.of("question", id, "askedBy",
                f.askedBy().strip(), "answered", f.answer() != null && !f.answer().isBlank()));
        return plan(r.planId());
    }

    public PlanView answer(long questionId, String answer) {
        QuestionRow q = currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.question(questionId),
                QuestionRow::orgId);
        if (answer == null || answer.isBlank() || answer.length() > 4000) {
            throw DomainException.onField("answer", "officialReport.error.answer");
        }
        store.answer(q.id(), answer.strip());
        audit.record(q.orgId(), AUDIT_REPORT, q.reportId(), "QUESTION_ANSWERED",
                Map.of("question", q.id(), "answer", String.valueOf(q.answer())), Map.of("question", q.id(), "answer",
                        answer.strip().length() > 200 ? answer.strip().substring(0, 200) + "…" : answer.strip()));
        return plan(store.report(q.reportId()).orElseThrow().planId());
    }

    // ---- the vote

    /**
     * Creates the sitting's secret satisfaction vote in the appraisal module, the officials who reported at the
     * sitting as its subjects ("职务 姓名"). The roll, codes, opening and closing happen on the vote's own pages.
     */
    public VoteSummary createVote(long sittingId, @Valid VoteForm f) {
        SittingRow s = currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.sitting(sittingId),
                SittingRow::orgId);
        if (s.voteId() != null) {
            throw new DomainException("officialReport.error.voteExists");
        }
        List<ReportRow> reporting = store.reports(s.planId()).stream()
                .filter(r -> r.sittingId() != null && r.sittingId() == s.id()
                        && r.state() == OfficialReportState.REPORTED).toList();
        if (reporting.isEmpty()) {
            throw new DomainException("officialReport.error.noneReported");
        }
        PlanRow plan = store.plan(s.planId()).orElseThrow();
        VoteSummary vote = votes.create(new VoteDesk.NewVote(s.orgId(), clip(s.meeting() + " 政府负责人述职满意度测评", 200),
                f.scale(), VoteScale.RateRule.SATISFIED_SHARE, f.threshold(),
                reporting.stream().map(r -> clip(r.position() + " " + r.name(), 200)).toList()));
        store.setVote(s.id(), vote.id());
        audit.record(s.orgId(), AUDIT_PLAN, plan.id(), "VOTE_CREATED", null, Map.of("sitting", s.id(), "vote",
                vote.id(), "officials", reporting.stream().map(ReportRow::name).toList()));
        return vote;
    }

    /**
     * Takes the closed vote's results into the officials' reports (satisfied votes, valid votes, rate) and marks
     * them voted. Refused while the vote is still open.
     */
    public PlanView takeResults(long sittingId) {
        SittingRow s = currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.sitting(sittingId),
                SittingRow::orgId);
        if (s.voteId() == null) {
            throw new DomainException("officialReport.error.noVote");
        }
        VoteDetail detail = votes.detail(s.voteId());
        if (detail.results() == null) {
            throw new DomainException("officialReport.error.voteNotClosed");
        }
        Map<String, SubjectResult> byTitle = detail.results().rows().stream()
                .collect(Collectors.toMap(SubjectResult::title, r -> r, (a, b) -> a));
        List<String> taken = new ArrayList<>();
        for (ReportRow r : store.reports(s.planId())) {
            SubjectResult res = byTitle.get(clip(r.position() + " " + r.name(), 200));
            if (r.sittingId() == null || r.sittingId() != s.id() || res == null
                    || r.state() == OfficialReportState.VOTED) {
                continue;
            }
            store.voted(r.id(), res.satisfied(), res.valid(), res.rate());
            audit.record(r.orgId(), AUDIT_REPORT, r.id(), "VOTED", Map.of("state", r.state().name()),
                    Map.of("vote", s.voteId(), "satisfied", res.satisfied(), "valid", res.valid(), "rate",
                            res.rate().toPlainString()));
            taken.add(r.name());
        }
        if (taken.isEmpty()) {
            throw new DomainException("officialReport.error.nothingToTake");
        }
        return plan(s.planId());
    }

    // ---- export

    /** The term's plan with its figures as a workbook: the officials, the sittings' questions, the figures. */
    @Transactional(readOnly = true)
    public byte[] exportXlsx(long planId) {
        PlanView p = plan(planId);
        List<List<?>> officials = new ArrayList<>();
        int n = 0;
        for (OfficialView o : p.officials()) {
            officials.add(List.of(++n, o.name(), o.position(), o.meeting() == null ? "" : o.meeting(),
                    o.heldOn() == null ? "" : o.heldOn().toString(), stateLabel(o.state()),
                    o.reportedOn() == null ? "" : o.reportedOn().toString(), o.questions().size(),
                    o.validVotes() == null ? "" : o.satisfied() + "/" + o.validVotes(),
                    o.rate() == null ? "" : percent(o.rate())));
        }
        List<List<?>> questions = new ArrayList<>();
        for (OfficialView o : p.officials()) {
            for (QuestionView q : o.questions()) {
                questions.add(List.of(o.name(), q.askedBy(), q.question(), q.answer() == null ? "" : q.answer()));
            }
        }
        Figures f = p.figures();
        List<List<?>> figures = List.of(List.of("单位", p.orgName()), List.of("届次", "第" + p.termNo() + "届"),
                List.of("应述职人数", f.due()), List.of("已安排会议", f.scheduled()), List.of("已述职人数", f.reported()),
                List.of("已测评人数", f.voted()), List.of("尚未述职", f.remaining()));
        return Xlsx.writeSheets(List.of(
                new Xlsx.SheetData("述职计划", List.of("序号", "姓名", "职务", "会议", "会议日期", "状态", "述职日期", "代表提问",
                        "满意票/有效票", "满意率"), officials),
                new Xlsx.SheetData("代表提问", List.of("述职人", "提问代表", "问题", "答复"), questions),
                new Xlsx.SheetData("统计", List.of("项目", "数值"), figures)));
    }

    static String stateLabel(OfficialReportState s) {
        return switch (s) {
            case DUE -> "待安排";
            case SCHEDULED -> "已安排";
            case REPORTED -> "已述职";
            case VOTED -> "已测评";
        };
    }

    static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    // ---- helpers

    private PlanView view(PlanRow p) {
        List<SittingRow> sittings = store.sittings(p.id());
        List<ReportRow> reports = store.reports(p.id());
        Map<Long, List<QuestionView>> questions = new LinkedHashMap<>();
        store.questions(p.id()).forEach(q -> questions.computeIfAbsent(q.reportId(), k -> new ArrayList<>())
                .add(new QuestionView(q.id(), q.askedBy(), q.question(), q.answer())));
        Map<Long, SittingRow> byId = sittings.stream().collect(Collectors.toMap(SittingRow::id, s -> s));
        List<OfficialView> officials = reports.stream().map(r -> {
            SittingRow s = r.sittingId() == null ? null : byId.get(r.sittingId());
            return new OfficialView(r.id(), r.name(), r.position(), r.state(), r.sittingId(),
                    s == null ? null : s.meeting(), s == null ? null : s.heldOn(), r.reportedOn(), r.summary(),
                    questions.getOrDefault(r.id(), List.of()), r.satisfied(), r.validVotes(), r.rate(), r.version());
        }).toList();
        List<SittingView> sittingViews = sittings.stream().map(s -> new SittingView(s.id(), s.heldOn(), s.meeting(),
                s.voteId(), (int) reports.stream().filter(r -> r.sittingId() != null && r.sittingId() == s.id()).count(),
                (int) reports.stream().filter(r -> r.sittingId() != null && r.sittingId() == s.id()
                        && (r.state() == OfficialReportState.REPORTED || r.state() == OfficialReportState.VOTED))
                        .count(),
                (int) reports.stream().filter(r -> r.sittingId() != null && r.sittingId() == s.id()
                        && r.state() == OfficialReportState.VOTED).count())).toList();
        Figures f = new Figures(reports.size(), (int) reports.stream().filter(r -> r.sittingId() != null).count(),
                (int) reports.stream().filter(r -> r.state() == OfficialReportState.REPORTED
                        || r.state() == OfficialReportState.VOTED).count(),
                (int) reports.stream().filter(r -> r.state() == OfficialReportState.VOTED).count());
        return new PlanView(p.id(), p.orgId(), names(List.of(p.orgId())).getOrDefault(p.orgId(), ""), p.termNo(),
                p.title(), sittingViews, officials, f);
    }

    private static Figures figures(@Nullable Counts c) {
        return c == null ? new Figures(0, 0, 0, 0) : new Figures(c.due(), c.scheduled(), c.reported(), c.voted());
    }

    private PlanRow writablePlan(long id) {
        return currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.plan(id), PlanRow::orgId);
    }

    private ReportRow writableReport(long id) {
        return currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.report(id), ReportRow::orgId);
    }

    private SittingRow sittingOf(PlanRow plan, long sittingId) {
        return store.sitting(sittingId).filter(s -> s.planId() == plan.id())
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private static void checkDate(LocalDate d, String field) {
        if (d.getYear() < 1990 || d.getYear() > 2100) {
            throw DomainException.onField(field, "officialReport.error.date");
        }
    }

    private Map<Long, String> names(java.util.Collection<Long> ids) {
        return orgs.findAll(ids).stream().collect(Collectors.toMap(OrgView::id, OrgView::name, (a, b) -> a));
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
