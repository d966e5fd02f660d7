package org.renda.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentEnums.SchemeStatus;
import org.renda.assessment.AssessmentStore.Breakdown;
import org.renda.assessment.AssessmentStore.GroupRow;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentStore.ResultRow;
import org.renda.assessment.AssessmentStore.SchemeRow;
import org.renda.assessment.AssessmentViews.Appeal;
import org.renda.assessment.AssessmentViews.Bonus;
import org.renda.assessment.AssessmentViews.Decision;
import org.renda.assessment.AssessmentViews.GroupView;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.Progress;
import org.renda.assessment.AssessmentViews.Rate;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.AssessmentViews.WeakDeputy;
import org.renda.assessment.engine.Method;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.assessment.engine.Score;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.UserContacts;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
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

/**
 * The periods of an assessment and everything decided in them: subjects, evaluator groups with their
 * sheets, satisfaction rates and bonus items, the presidium's vetoes and adjustments, closing (results),
 * sign-off, publication with an appeal window, appeals and the final result.
 */
@Service
@Transactional
public class AssessmentDesk {

    static final String AUDIT_PERIOD = "assessment_period";
    static final String AUDIT_DECISION = "assessment_decision";
    static final String AUDIT_APPEAL = "assessment_appeal";

    private final AssessmentStore store;
    private final SchemeBook schemes;
    private final PeriodScoring scoring;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final UserContacts users;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Notifier notifier;

    AssessmentDesk(AssessmentStore store, SchemeBook schemes, PeriodScoring scoring, OrgTree orgs,
            DeputyRegister deputies, UserContacts users, CurrentActor currentActor, AuditTrail audit,
            Notifier notifier) {
        this.notifier = notifier;
        this.store = store;
        this.schemes = schemes;
        this.scoring = scoring;
        this.orgs = orgs;
        this.deputies = deputies;
        this.users = users;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /**
     * An evaluator group. The leader is a deputy (their linked account leads the group), or, where the deputy
     * file is not at hand, the account of the leading deputy ({@code leaderUserId}).
     */
    public record GroupForm(String name, @Nullable Long leaderDeputyId, @Nullable Long leaderUserId,
            List<String> indicators, List<Long> subjectIds, List<Long> memberUserIds) {}

    // ---------------------------------------------------------------- periods

    @Transactional(readOnly = true)
    public List<PeriodSummary> periods() {
        return store.periods(currentActor.reach(Permission.ASSESSMENT_READ)).stream().map(this::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public PeriodSummary period(long id) {
        return summary(readable(id));
    }

    /** The scheme version a period runs on (frozen). */
    @Transactional(readOnly = true)
    public Scheme schemeOf(long periodId) {
        return scheme(readable(periodId)).definition();
    }

    /**
     * Opens a period on an approved scheme version (which freezes it) with every subject of its kind: the
     * villages and communities, the towns and streets, or the deputies in office, under the scheme's
     * organisation.
     */
    public long openPeriod(long schemeId, PeriodKind kind, String name, LocalDate startsOn, LocalDate endsOn) {
        SchemeRow scheme = store.scheme(schemeId).orElseThrow(() -> new NotFoundException("error.notFound"));
        currentActor.require().require(Permission.ASSESSMENT_WRITE, scheme.orgId());
        if (scheme.status() != SchemeStatus.APPROVED && scheme.status() != SchemeStatus.FROZEN) {
            throw new DomainException("assessment.period.error.notApproved");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new DomainException("assessment.period.error.dates");
        }
        if (store.periodExists(schemeId, kind)) {
            throw new DomainException("assessment.period.error.exists");
        }
        if (name.isBlank() || name.length() > 200) {
            throw new DomainException("assessment.scheme.error.name");
        }
        long id = store.insertPeriod(scheme.orgId(), schemeId, kind, scheme.forYear(), name.strip(), startsOn, endsOn);
        List<SubjectView> candidates = candidates(scheme);
        store.insertSubjects(scheme.orgId(), id, candidates);
        int sort = candidates.size();
        schemes.freeze(scheme);
        audit.record(scheme.orgId(), AUDIT_PERIOD, id, "OPENED", null, Map.of("name", name.strip(), "kind",
                kind.name(), "scheme", schemeId, "subjects", sort));
        return id;
    }

    private List<SubjectView> candidates(SchemeRow scheme) {
        List<SubjectView> out = new ArrayList<>();
        if (scheme.subjectKind() == SubjectKind.DEPUTY) {
            for (DeputySummary d : deputies.listAll(new DeputyRegister.Query(null, null, null, null, null,
                    scheme.orgId(), true))) {
                out.add(new SubjectView(0, d.id(), d.orgId(), d.name()));
            }
            return out;
        }
        Set<OrgType> kinds = scheme.subjectKind() == SubjectKind.TOWN ? Set.of(OrgType.TOWN, OrgType.STREET)
                : Set.of(OrgType.VILLAGE, OrgType.COMMUNITY);
        orgs.findAll(orgs.subtreeIds(scheme.orgId())).stream()
                .filter(o -> o.active() && kinds.contains(o.type()) && o.parentId() != null)
                .filter(o -> scheme.subjectKind() == SubjectKind.TOWN || o.parentId() == scheme.orgId())
                .sorted(java.util.Comparator.comparingInt(OrgView::depth).thenComparingInt(OrgView::sortOrder))
                .forEach(o -> out.add(new SubjectView(0, o.id(), o.id(), o.name())));
        return out;
    }

    @Transactional(readOnly = true)
    public List<SubjectView> subjects(long periodId) {
        readable(periodId);
        return store.subjects(periodId);
    }

    // ---------------------------------------------------------------- groups and conflicts

    /** An evaluator group with its indicators, subjects and members; a sheet is made for every subject. */
    public long createGroup(long periodId, GroupForm form) {
        PeriodRow p = writable(periodId);
        requireOpen(p);
        Scheme scheme = scheme(p).definition();
        if (form.name().isBlank() || form.name().length() > 200) {
            throw new DomainException("assessment.scheme.error.name");
        }
        if (form.indicators().isEmpty() || form.subjectIds().isEmpty()) {
            throw new DomainException("assessment.group.error.empty");
        }
        for (String code : form.indicators()) {
            Indicator i = scheme.indicator(code);
            if (i == null || i.method() != Method.ENTERED) {
                throw new DomainException("assessment.group.error.indicator", code);
            }
        }
        Set<Long> subjectIds = new HashSet<>();
        store.subjects(periodId).forEach(s -> subjectIds.add(s.id()));
        if (!subjectIds.containsAll(form.subjectIds())) {
            throw new NotFoundException("error.notFound");
        }
        String leaderName = null;
        Long leaderUser = null;
        if (form.leaderDeputyId() != null) {
            DeputyProfile leader = deputies.profile(form.leaderDeputyId());
            leaderName = leader.name();
            leaderUser = leader.userId();
        } else if (form.leaderUserId() != null) {
            leaderUser = form.leaderUserId();
            leaderName = users.find(leaderUser).orElseThrow(() -> new NotFoundException("error.notFound")).displayName();
        }
        long id = store.insertGroup(p.orgId(), periodId, form.name().strip(), form.leaderDeputyId(), leaderName,
                form.indicators());
        Set<Long> added = new HashSet<>();
        if (leaderUser != null) {
            store.addMember(id, p.orgId(), leaderUser, leaderName, true);
            added.add(leaderUser);
        }
        for (long userId : form.memberUserIds()) {
            if (added.add(userId)) {
                var contact = users.find(userId).orElseThrow(() -> new NotFoundException("error.notFound"));
                store.addMember(id, p.orgId(), userId, contact.displayName(), false);
            }
        }
        for (long subjectId : form.subjectIds()) {
            store.insertSheet(p.orgId(), periodId, id, subjectId);
        }
        for (long member : added) {
            notifier.notify(NotificationRequest.of(p.orgId(), member, "assessment:group:" + id + ":member:" + member,
                    "考核评分任务：" + form.name().strip(), "您已列入“" + p.name() + "”的" + form.name().strip() + "，共 "
                            + form.subjectIds().size() + " 个考核对象待评分。").withLink("/assessments"));
        }
        audit.record(p.orgId(), AUDIT_PERIOD, periodId, "GROUP_CREATED", null, Map.of("group", form.name().strip(),
                "leader", leaderName == null ? "" : leaderName, "indicators", form.indicators(), "subjects",
                form.subjectIds().size(), "members", added.size()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<GroupView> groups(long periodId) {
        readable(periodId);
        List<SheetSummary> sheets = store.sheetsOfPeriod(periodId);
        return store.groups(periodId).stream().map(g -> new GroupView(g.id(), g.periodId(), g.name(),
                g.leaderDeputyId(), g.leaderName(), g.indicators(), store.members(g.id()),
                sheets.stream().filter(s -> s.groupId() == g.id()).map(SheetSummary::subjectId).toList())).toList();
    }

    /** A declared conflict of interest: the user may not score the subject. */
    public void declareConflict(long subjectId, long userId, String reason) {
        SubjectView s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = writable(store.subjectPeriod(subjectId));
        if (reason.isBlank()) {
            throw new DomainException("assessment.error.reasonRequired");
        }
        users.find(userId).orElseThrow(() -> new NotFoundException("error.notFound"));
        store.insertConflict(p.orgId(), p.id(), userId, subjectId, reason.strip());
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), "CONFLICT_DECLARED", null, Map.of("subject", s.name(),
                "userId", userId, "reason", reason.strip()));
    }

    // ---------------------------------------------------------------- progress, rates, bonus items

    @Transactional(readOnly = true)
    public List<SheetSummary> sheets(long periodId) {
        readable(periodId);
        return store.sheetsOfPeriod(periodId);
    }

    /** How far every group is, for staff. */
    @Transactional(readOnly = true)
    public List<Progress> progress(long periodId) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (SheetSummary s : sheets(periodId)) {
            int[] c = counts.computeIfAbsent(s.groupId(), k -> new int[2]);
            c[0]++;
            if (s.status() == AssessmentEnums.SheetStatus.SUBMITTED) {
                c[1]++;
            }
            names.put(s.groupId(), s.groupName());
        }
        List<Progress> out = new ArrayList<>();
        counts.forEach((g, c) -> out.add(new Progress(g, names.get(g), c[0], c[1])));
        return out;
    }

    /** A satisfaction rate (0 to 1) entered by hand, e.g. from a paper survey, with a note of where it comes from. */
    public void enterRate(long subjectId, String indicator, BigDecimal rate, String note) {
        SubjectView s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = writable(store.subjectPeriod(subjectId));
        requireOpen(p);
        Indicator i = scheme(p).definition().indicator(indicator);
        if (i == null || i.method() != Method.VOTE || !i.measuredIn(p.kind())) {
            throw new DomainException("assessment.group.error.indicator", indicator);
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("assessment.rate.error.range");
        }
        if (note.isBlank() || note.length() > 500) {
            throw new DomainException("assessment.rate.error.note");
        }
        store.upsertRate(p.orgId(), p.id(), subjectId, indicator, rate, note.strip(), currentActor.auditName());
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), "RATE_ENTERED", null, Map.of("subject", s.name(), "indicator",
                indicator, "rate", rate, "note", note.strip()));
    }

    @Transactional(readOnly = true)
    public List<Rate> rates(long periodId) {
        readable(periodId);
        return store.rates(periodId);
    }

    /** A bonus item (增量创新分) with its evidence. */
    public long addBonus(long subjectId, String indicator, BigDecimal points, String title, String evidence) {
        SubjectView s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = writable(store.subjectPeriod(subjectId));
        requireOpen(p);
        Indicator i = scheme(p).definition().indicator(indicator);
        if (i == null || i.method() != Method.BONUS) {
            throw new DomainException("assessment.group.error.indicator", indicator);
        }
        if (points.signum() <= 0 || points.compareTo(i.maxPoints()) > 0) {
            throw new DomainException("assessment.sheet.error.range", i.name(), i.maxPoints());
        }
        if (title.isBlank() || evidence.isBlank()) {
            throw new DomainException("assessment.bonus.error.evidence");
        }
        long id = store.insertBonus(p.orgId(), p.id(), subjectId, indicator, points, title.strip(), evidence.strip(),
                currentActor.auditName());
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), "BONUS_ADDED", null, Map.of("subject", s.name(), "points",
                points, "title", title.strip(), "evidence", evidence.strip()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Bonus> bonuses(long periodId) {
        readable(periodId);
        return store.bonuses(periodId);
    }

    // ---------------------------------------------------------------- decisions

    /**
     * The presidium's decision about a subject, with the reason and the evidence (a URL, a case receipt
     * code, a liaison station's feedback item): a one-vote veto, points added or taken, or the tier moved down.
     * Taken after closing, the results are computed again at once.
     */
    public long decide(long subjectId, DecisionKind kind, @Nullable BigDecimal points, @Nullable Integer tiers,
            String reason, @Nullable String evidence) {
        SubjectView s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = period(store.subjectPeriod(subjectId), Permission.ASSESSMENT_DECIDE);
        if (!p.status().decidable()) {
            throw new DomainException("assessment.decision.error.status");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new DomainException("assessment.error.reasonRequired");
        }
        if (kind == DecisionKind.POINTS && (points == null || points.signum() == 0
                || points.abs().compareTo(new BigDecimal("100")) > 0)) {
            throw new DomainException("assessment.decision.error.points");
        }
        if (kind == DecisionKind.DEMOTE && (tiers == null || tiers < 1 || tiers > 5)) {
            throw new DomainException("assessment.decision.error.tiers");
        }
        String ev = evidence == null || evidence.isBlank() ? null : evidence.strip();
        long id = store.insertDecision(p.orgId(), p.id(), subjectId, kind, kind == DecisionKind.POINTS ? points : null,
                kind == DecisionKind.DEMOTE ? tiers : null, reason.strip(), ev, currentActor.auditName());
        audit.record(p.orgId(), AUDIT_DECISION, id, kind.name(), null, Map.of("period", p.name(), "subject", s.name(),
                "points", points == null ? "" : points, "tiers", tiers == null ? "" : tiers, "reason", reason.strip(),
                "evidence", ev == null ? "" : ev));
        recomputeIfClosed(p);
        return id;
    }

    public void withdrawDecision(long decisionId) {
        Decision d = store.decision(decisionId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = period(store.subjectPeriod(d.subjectId()), Permission.ASSESSMENT_DECIDE);
        if (!p.status().decidable() || d.withdrawn()) {
            throw new DomainException("assessment.decision.error.status");
        }
        store.withdrawDecision(decisionId);
        audit.record(p.orgId(), AUDIT_DECISION, decisionId, "WITHDRAWN", Map.of("withdrawn", false),
                Map.of("withdrawn", true));
        recomputeIfClosed(p);
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(long periodId) {
        readable(periodId);
        return store.decisions(periodId);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the period and computes its results. Refused while sheets are still open, unless
     * {@code allowIncomplete}: their indicators then count 0 and are listed as missing.
     */
    public void close(long periodId, boolean allowIncomplete) {
        PeriodRow p = writable(periodId);
        requireOpen(p);
        long open = store.sheetsOfPeriod(periodId).stream()
                .filter(s -> s.status() != AssessmentEnums.SheetStatus.SUBMITTED).count();
        if (open > 0 && !allowIncomplete) {
            throw new DomainException("assessment.period.error.openSheets", open);
        }
        int stored = compute(p);
        store.periodStatus(p.id(), p.version(), PeriodStatus.CLOSED, null, null, null);
        for (var chair : users.withRole(org.renda.shared.Role.PRESIDING, p.orgId())) {
            notifier.notify(NotificationRequest.of(p.orgId(), chair.userId(),
                    "assessment:period:" + p.id() + ":closed:" + chair.userId(), "考核结果待签发：" + p.name(),
                    "“" + p.name() + "”已结束，" + stored + " 个考核对象的结果已计算，请主席团审定签发。")
                    .withLink("/assessments/periods/" + p.id() + "/results"));
        }
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), "CLOSED", Map.of("status", p.status().name()),
                Map.of("status", "CLOSED", "results", stored, "openSheets", open));
    }

    /** The presidium signs the results off. */
    public void signOff(long periodId) {
        PeriodRow p = period(periodId, Permission.ASSESSMENT_DECIDE);
        move(p, PeriodStatus.CLOSED, PeriodStatus.SIGNED, currentActor.auditName(), null, null);
    }

    /** Publishes signed results; the subjects may appeal until the window (the scheme's appeal days) ends. */
    public void publish(long periodId) {
        PeriodRow p = writable(periodId);
        LocalDate today = LocalDate.now();
        LocalDate until = today.plusDays(scheme(p).definition().rules().appealDays());
        move(p, PeriodStatus.SIGNED, PeriodStatus.PUBLISHED, null, today, until);
    }

    /** The final result: after the appeal window, with every appeal answered. */
    public void finalise(long periodId) {
        PeriodRow p = writable(periodId);
        if (p.status() != PeriodStatus.PUBLISHED) {
            throw new DomainException("assessment.period.error.status");
        }
        if (p.appealUntil() != null && LocalDate.now().isBefore(p.appealUntil())) {
            throw new DomainException("assessment.period.error.appealWindow", p.appealUntil());
        }
        if (store.appeals(periodId).stream().anyMatch(a -> a.answer() == null)) {
            throw new DomainException("assessment.period.error.openAppeals");
        }
        move(p, PeriodStatus.PUBLISHED, PeriodStatus.FINAL, null, null, null);
    }

    private void move(PeriodRow p, PeriodStatus from, PeriodStatus to, @Nullable String signedBy,
            @Nullable LocalDate publishedOn, @Nullable LocalDate appealUntil) {
        if (p.status() != from) {
            throw new DomainException("assessment.period.error.status");
        }
        store.periodStatus(p.id(), p.version(), to, signedBy, publishedOn, appealUntil);
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), to.name(), Map.of("status", from.name()),
                Map.of("status", to.name(), "appealUntil", appealUntil == null ? "" : appealUntil.toString()));
    }

    private void recomputeIfClosed(PeriodRow p) {
        if (p.status().hasResults()) {
            compute(p);
        }
    }

    private int compute(PeriodRow p) {
        Scheme scheme = scheme(p).definition();
        List<Score> scores = scoring.score(p, scheme);
        List<ResultRow> rows = new ArrayList<>();
        for (Score s : scores) {
            rows.add(new ResultRow(0, p.id(), s.subjectId(), s.total(), s.base(), s.bonus(), s.adjustment(), s.rank(),
                    s.tier(), s.naturalTier(), s.vetoed(), s.demoted(), new Breakdown(s.areas(), s.sources(),
                            s.indicators(), s.missing())));
        }
        store.replaceResults(p.orgId(), p.id(), rows);
        return rows.size();
    }

    // ---------------------------------------------------------------- appeals

    /**
     * A subject appeals within the window: someone of the village or town (home organisation), the deputy
     * themself, or staff recording a paper appeal.
     */
    public long appeal(long subjectId, String body) {
        SubjectView s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = store.period(store.subjectPeriod(subjectId)).orElseThrow();
        if (!mayActFor(p, s)) {
            throw new NotFoundException("error.notFound");
        }
        if (p.status() != PeriodStatus.PUBLISHED || p.appealUntil() == null
                || LocalDate.now().isAfter(p.appealUntil())) {
            throw new DomainException("assessment.appeal.error.window");
        }
        if (body.isBlank() || body.length() > 2000) {
            throw new DomainException("assessment.appeal.error.body");
        }
        long id = store.insertAppeal(p.orgId(), p.id(), subjectId, body.strip(), currentActor.auditName());
        audit.record(p.orgId(), AUDIT_APPEAL, id, "FILED", null, Map.of("subject", s.name(), "body", body.strip()));
        return id;
    }

    public void answerAppeal(long appealId, String answer, boolean upheld) {
        Appeal a = store.appeal(appealId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = period(a.periodId(), Permission.ASSESSMENT_DECIDE);
        if (answer.isBlank() || answer.length() > 2000) {
            throw new DomainException("assessment.appeal.error.body");
        }
        store.answerAppeal(appealId, answer.strip(), upheld, currentActor.auditName());
        audit.record(p.orgId(), AUDIT_APPEAL, appealId, "ANSWERED", null, Map.of("answer", answer.strip(), "upheld",
                upheld));
    }

    @Transactional(readOnly = true)
    public List<Appeal> appeals(long periodId) {
        readable(periodId);
        return store.appeals(periodId);
    }

    // ---------------------------------------------------------------- results

    /** The ranking with every subject's breakdown, best first (once the period is closed). */
    @Transactional(readOnly = true)
    public List<Result> results(long periodId) {
        PeriodRow p = readable(periodId);
        return results(p);
    }

    private List<Result> results(PeriodRow p) {
        Scheme scheme = scheme(p).definition();
        Map<Long, SubjectView> subjects = new HashMap<>();
        store.subjects(p.id()).forEach(s -> subjects.put(s.id(), s));
        return store.results(p.id()).stream().map(r -> view(r, subjects.get(r.subjectId()), scheme)).toList();
    }

    /** One subject's result as the subject sees it once published (with the decisions about it), or staff. */
    @Transactional(readOnly = true)
    public SubjectResult subjectResult(long subjectId) {
        SubjectView s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = store.period(store.subjectPeriod(subjectId)).orElseThrow();
        boolean staff = currentActor.require().can(Permission.ASSESSMENT_READ, p.orgId());
        boolean subject = (p.status() == PeriodStatus.PUBLISHED || p.status() == PeriodStatus.FINAL)
                && mayActFor(p, s);
        if (!staff && !subject) {
            throw new NotFoundException("error.notFound");
        }
        Result result = results(p).stream().filter(r -> r.subjectId() == subjectId).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        return new SubjectResult(summary(p), result,
                store.decisions(p.id()).stream().filter(d -> d.subjectId() == subjectId).toList(),
                store.appeals(p.id()).stream().filter(a -> a.subjectId() == subjectId).toList(),
                p.status() == PeriodStatus.PUBLISHED && p.appealUntil() != null
                        && !LocalDate.now().isAfter(p.appealUntil()) && mayActFor(p, s));
    }

    /** A subject's result, the decisions about it (veto, adjustments, with reasons and evidence) and appeals. */
    public record SubjectResult(PeriodSummary period, Result result, List<Decision> decisions, List<Appeal> appeals,
            boolean mayAppeal) {}

    /** The published results in which the signed-in user's organisation, or the deputy they are, is a subject. */
    @Transactional(readOnly = true)
    public List<SubjectResult> mine() {
        Actor actor = currentActor.require();
        Long deputyId = deputies.mine().map(DeputyProfile::id).orElse(null);
        List<SubjectResult> out = new ArrayList<>();
        for (Object[] row : store.subjectAppearances(List.of(actor.homeOrgId()), deputyId)) {
            out.add(subjectResult((Long) row[0]));
        }
        return out;
    }

    /**
     * The weakest deputies of a deputies' period: the {@code count} lowest results, and every one without a
     * tier. A suggestion for withdrawing the nameplate (摘牌) and an interview; nothing is done automatically.
     */
    @Transactional(readOnly = true)
    public List<WeakDeputy> weakestDeputies(long periodId, int count) {
        PeriodRow p = readable(periodId);
        if (scheme(p).subjectKind() != SubjectKind.DEPUTY || !p.status().hasResults()) {
            return List.of();
        }
        List<Result> all = results(p);
        List<WeakDeputy> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Result r = all.get(i);
            if (out.size() < count || r.tierCode() == null) {
                out.add(new WeakDeputy(r.subjectRef(), r.subjectName(), r.total(), r.rank(), r.tierName()));
            }
        }
        return out;
    }

    private Result view(ResultRow r, @Nullable SubjectView s, Scheme scheme) {
        Map<String, BigDecimal> areas = new LinkedHashMap<>();
        scheme.areas().forEach(a -> areas.put(a.name(), r.breakdown().areas().getOrDefault(a.code(), BigDecimal.ZERO)));
        Map<String, BigDecimal> sources = new LinkedHashMap<>();
        scheme.sources().forEach(x -> sources.put(x.name(),
                r.breakdown().sources().getOrDefault(x.code(), BigDecimal.ZERO)));
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        scheme.indicators().forEach(i -> indicators.put(i.name(),
                r.breakdown().indicators().getOrDefault(i.code(), BigDecimal.ZERO)));
        List<String> missing = r.breakdown().missing().stream()
                .map(c -> scheme.indicator(c) == null ? c : scheme.indicator(c).name()).toList();
        return new Result(r.id(), r.periodId(), r.subjectId(), s == null ? 0 : s.ref(), s == null ? "" : s.name(),
                r.total(), r.base(), r.bonus(), r.adjustment(), r.rank(), r.tier(), tierName(scheme, r.tier()),
                tierName(scheme, r.naturalTier()), r.vetoed(), r.demoted(), areas, sources, indicators, missing);
    }

    private static @Nullable String tierName(Scheme scheme, @Nullable String code) {
        return code == null ? null : scheme.tiers().stream().filter(t -> t.code().equals(code))
                .map(Scheme.Tier::name).findFirst().orElse(code);
    }

    // ---------------------------------------------------------------- helpers

    /** Whether the actor speaks for the subject: its own organisation, the deputy themself, or staff. */
    private boolean mayActFor(PeriodRow p, SubjectView s) {
        Actor actor = currentActor.require();
        if (actor.can(Permission.ASSESSMENT_WRITE, p.orgId())) {
            return true;
        }
        if (scheme(p).subjectKind() == SubjectKind.DEPUTY) {
            return deputies.mine().map(d -> d.id() == s.ref()).orElse(false);
        }
        return actor.homeOrgId() == s.subjectOrgId();
    }

    SchemeRow scheme(PeriodRow p) {
        return store.scheme(p.schemeId()).orElseThrow();
    }

    PeriodRow readable(long periodId) {
        return period(periodId, Permission.ASSESSMENT_READ);
    }

    private PeriodRow writable(long periodId) {
        return period(periodId, Permission.ASSESSMENT_WRITE);
    }

    private PeriodRow period(long periodId, Permission permission) {
        return currentActor.reach(permission).guard(store.period(periodId), PeriodRow::orgId);
    }

    private static void requireOpen(PeriodRow p) {
        if (p.status() != PeriodStatus.OPEN) {
            throw new DomainException("assessment.period.error.notOpen");
        }
    }

    PeriodSummary summary(PeriodRow p) {
        SchemeRow s = scheme(p);
        return new PeriodSummary(p.id(), p.orgId(), p.schemeId(), s.name(), s.versionNo(), s.subjectKind(), p.kind(),
                p.forYear(), p.name(), p.startsOn(), p.endsOn(), p.status(), p.signedBy(), p.publishedOn(),
                p.appealUntil(), p.version());
    }
}
