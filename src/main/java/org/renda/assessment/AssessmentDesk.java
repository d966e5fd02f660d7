package org.renda.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentEnums.SchemeStatus;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentStore.SchemeRow;
import org.renda.assessment.AssessmentViews.Appeal;
import org.renda.assessment.AssessmentViews.Bonus;
import org.renda.assessment.AssessmentViews.Decision;
import org.renda.assessment.AssessmentViews.GroupView;
import org.renda.assessment.AssessmentViews.Incomplete;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.Progress;
import org.renda.assessment.AssessmentViews.Provisional;
import org.renda.assessment.AssessmentViews.Rate;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.AssessmentViews.WeakDeputy;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.UserContacts;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The periods of an assessment, the module's facade for them: opening with every subject, closing (results),
 * the presidium's sign-off, publication with an appeal window and the final result. What happens inside a
 * period lives in package-private desks this one hands to: {@link EvaluatorGroups} (groups, sheets, conflicts,
 * progress), {@link PeriodInputs} (rates, bonus items), {@link PresidiumDecisions} (veto, adjustments,
 * demotions, excused indicators), {@link PeriodResults} (results, provisional ranking, the subject's view) and
 * {@link PeriodAppeals}.
 */
@Service
@Transactional
@Validated
public class AssessmentDesk {

    static final String AUDIT_PERIOD = "assessment_period";
    static final String AUDIT_DECISION = "assessment_decision";
    static final String AUDIT_APPEAL = "assessment_appeal";

    private final PeriodAccess access;
    private final AssessmentStore store;
    private final SheetStore sheetStore;
    private final SchemeBook schemes;
    private final EvaluatorGroups groups;
    private final PeriodInputs inputs;
    private final PresidiumDecisions presidium;
    private final PeriodResults results;
    private final PeriodAppeals appeals;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final UserContacts users;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Notifier notifier;

    AssessmentDesk(PeriodAccess access, AssessmentStore store, SheetStore sheetStore, SchemeBook schemes,
            EvaluatorGroups groups, PeriodInputs inputs, PresidiumDecisions presidium, PeriodResults results,
            PeriodAppeals appeals, OrgTree orgs, DeputyRegister deputies, UserContacts users,
            CurrentActor currentActor, AuditTrail audit, Notifier notifier) {
        this.access = access;
        this.store = store;
        this.sheetStore = sheetStore;
        this.schemes = schemes;
        this.groups = groups;
        this.inputs = inputs;
        this.presidium = presidium;
        this.results = results;
        this.appeals = appeals;
        this.orgs = orgs;
        this.deputies = deputies;
        this.users = users;
        this.currentActor = currentActor;
        this.audit = audit;
        this.notifier = notifier;
    }

    /**
     * An evaluator group. The leader is a deputy (their linked account leads the group), or, where the deputy
     * file is not at hand, the account of the leading deputy ({@code leaderUserId}).
     */
    public record GroupForm(@NotBlank @Size(max = 200) String name, @Nullable Long leaderDeputyId,
            @Nullable Long leaderUserId, List<String> indicators, List<Long> subjectIds, List<Long> memberUserIds) {}

    /** A subject's result, the decisions about it (veto, adjustments, with reasons and evidence) and appeals. */
    public record SubjectResult(PeriodSummary period, Result result, List<Decision> decisions, List<Appeal> appeals,
            boolean mayAppeal) {}

    // ---------------------------------------------------------------- periods

    @Transactional(readOnly = true)
    public List<PeriodSummary> periods() {
        return store.periods(currentActor.reach(Permission.ASSESSMENT_READ)).stream().map(access::summary).toList();
    }

    @Transactional(readOnly = true)
    public PeriodSummary period(long id) {
        return access.summary(access.readable(id));
    }

    /** The scheme version a period runs on (frozen). */
    @Transactional(readOnly = true)
    public Scheme schemeOf(long periodId) {
        return access.scheme(access.readable(periodId)).definition();
    }

    /**
     * Opens a period on an approved scheme version (which freezes it) with every subject of its kind: the
     * villages and communities, the towns and streets, or the deputies in office, under the scheme's
     * organisation.
     */
    public long openPeriod(long schemeId, PeriodKind kind, @NotBlank @Size(max = 200) String name,
            LocalDate startsOn, LocalDate endsOn) {
        SchemeRow scheme = store.scheme(schemeId).orElseThrow(() -> new NotFoundException("error.notFound"));
        currentActor.require().require(Permission.ASSESSMENT_WRITE, scheme.orgId());
        if (scheme.status() != SchemeStatus.APPROVED && scheme.status() != SchemeStatus.FROZEN) {
            throw new DomainException("assessment.period.error.notApproved");
        }
        if (endsOn.isBefore(startsOn)) {
            throw DomainException.onField("endsOn", "assessment.period.error.dates");
        }
        if (store.periodExists(schemeId, kind)) {
            throw DomainException.onField("kind", "assessment.period.error.exists");
        }
        long id = store.insertPeriod(scheme.orgId(), schemeId, kind, scheme.forYear(), name.strip(), startsOn, endsOn);
        List<SubjectView> candidates = candidates(scheme);
        store.insertSubjects(scheme.orgId(), id, candidates);
        schemes.freeze(scheme);
        audit.record(scheme.orgId(), AUDIT_PERIOD, id, "OPENED", null, Map.of("name", name.strip(), "kind",
                kind.name(), "scheme", scheme.name(), "schemeId", schemeId, "subjects", candidates.size()));
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
        access.readable(periodId);
        return store.subjects(periodId);
    }

    // ---------------------------------------------------------------- groups, conflicts, sheets (EvaluatorGroups)

    /** An evaluator group with its indicators, subjects and members; a sheet is made for every subject. */
    public long createGroup(long periodId, @Valid GroupForm form) {
        return groups.createGroup(periodId, form);
    }

    @Transactional(readOnly = true)
    public List<GroupView> groups(long periodId) {
        return groups.groups(periodId);
    }

    /** A declared conflict of interest: the user may not score the subject. */
    public void declareConflict(long subjectId, long userId, @NotBlank @Size(max = 500) String reason) {
        groups.declareConflict(subjectId, userId, reason);
    }

    @Transactional(readOnly = true)
    public List<SheetSummary> sheets(long periodId) {
        return groups.sheets(periodId);
    }

    /** How far every group is, for staff. */
    @Transactional(readOnly = true)
    public List<Progress> progress(long periodId) {
        return groups.progress(periodId);
    }

    // ---------------------------------------------------------------- rates and bonus items (PeriodInputs)

    /** A satisfaction rate (0 to 1) entered by hand, e.g. from a paper survey, with a note of where it comes from. */
    public void enterRate(long subjectId, @NotBlank String indicator,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal rate, @NotBlank @Size(max = 500) String note) {
        inputs.enterRate(subjectId, indicator, rate, note);
    }

    @Transactional(readOnly = true)
    public List<Rate> rates(long periodId) {
        return inputs.rates(periodId);
    }

    /** A bonus item (增量创新分) with its evidence. */
    public long addBonus(long subjectId, @NotBlank String indicator, @NotNull @Positive BigDecimal points,
            @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String evidence) {
        return inputs.addBonus(subjectId, indicator, points, title, evidence);
    }

    @Transactional(readOnly = true)
    public List<Bonus> bonuses(long periodId) {
        return inputs.bonuses(periodId);
    }

    // ---------------------------------------------------------------- decisions (PresidiumDecisions)

    /**
     * The presidium's decision about a subject, with the reason and the evidence (a URL, a case receipt
     * code, a liaison station's feedback item): a one-vote veto, points added or taken, or the tier moved down.
     * Taken after closing, the results are computed again at once.
     */
    public long decide(long subjectId, DecisionKind kind, @Nullable BigDecimal points, @Nullable Integer tiers,
            @NotBlank @Size(max = 1000) String reason, @Nullable @Size(max = 500) String evidence) {
        return presidium.decide(subjectId, kind, points, tiers, List.of(), reason, evidence);
    }

    /**
     * The presidium accepts a subject's unscored indicators as zero (not applicable to it, or scored zero), with
     * the reason: they no longer keep the subject out of the award tiers (docs/assessment.md).
     */
    public long excuse(long subjectId, List<String> indicators, @NotBlank @Size(max = 1000) String reason,
            @Nullable @Size(max = 500) String evidence) {
        return presidium.decide(subjectId, DecisionKind.EXCUSE, null, null, indicators, reason, evidence);
    }

    public void withdrawDecision(long decisionId) {
        presidium.withdrawDecision(decisionId);
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(long periodId) {
        return presidium.decisions(periodId);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the period and computes its results. Refused while sheets are still open, unless
     * {@code allowIncomplete}: their indicators then count 0 and are listed as missing.
     */
    public void close(long periodId, boolean allowIncomplete) {
        PeriodRow p = access.writable(periodId);
        PeriodAccess.requireOpen(p);
        long open = sheetStore.sheetsOfPeriod(periodId).stream()
                .filter(s -> s.status() != AssessmentEnums.SheetStatus.SUBMITTED).count();
        if (open > 0 && !allowIncomplete) {
            throw DomainException.onField("allowIncomplete", "assessment.period.error.openSheets", open);
        }
        int stored = results.compute(p);
        store.periodStatus(p.id(), p.version(), PeriodStatus.CLOSED, null, null, null);
        for (var chair : users.withRole(org.renda.shared.Role.PRESIDING, p.orgId())) {
            notifier.notify(NotificationRequest.of(p.orgId(), chair.userId(),
                    "assessment:period:" + p.id() + ":closed:" + chair.userId(), "考核结果待签发：" + p.name(),
                    "“" + p.name() + "”已结束，" + stored + " 个考核对象的结果已计算，请主席团审定签发。")
                    .withLink("/assessments/periods/" + p.id() + "/results"));
        }
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), "CLOSED", Map.of("name", p.name(), "status", p.status().name()),
                Map.of("name", p.name(), "status", "CLOSED", "results", stored, "openSheets", open));
    }

    /**
     * The presidium signs the results off. While subjects have unscored indicators nobody excused, it is refused
     * unless {@code acknowledgeIncomplete}: the presidium has seen the list and signs with those subjects left
     * without a tier (the scheme's completeness rule); the audit entry names them.
     */
    public void signOff(long periodId, boolean acknowledgeIncomplete) {
        PeriodRow p = access.period(periodId, Permission.ASSESSMENT_DECIDE);
        if (p.status() != PeriodStatus.CLOSED) {
            throw new DomainException("assessment.period.error.status");
        }
        List<Incomplete> incomplete = results.incomplete(p);
        if (!incomplete.isEmpty() && !acknowledgeIncomplete) {
            throw DomainException.onField("acknowledgeIncomplete", "assessment.signOff.error.incomplete",
                    incomplete.size());
        }
        store.periodStatus(p.id(), p.version(), PeriodStatus.SIGNED, currentActor.auditName(), null, null);
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), PeriodStatus.SIGNED.name(),
                Map.of("name", p.name(), "status", p.status().name()),
                Map.of("name", p.name(), "status", PeriodStatus.SIGNED.name(), "incompleteAcknowledged",
                        incomplete.stream().map(i -> i.subjectName() + "：" + String.join("、", i.names())).toList()));
    }

    /** The presidium signs the results off; refused while subjects are incomplete (see {@link #signOff(long, boolean)}). */
    public void signOff(long periodId) {
        signOff(periodId, false);
    }

    /** Publishes signed results; the subjects may appeal until the window (the scheme's appeal days) ends. */
    public void publish(long periodId) {
        PeriodRow p = access.writable(periodId);
        LocalDate today = LocalDate.now();
        LocalDate until = today.plusDays(access.scheme(p).definition().rules().appealDays());
        move(p, PeriodStatus.SIGNED, PeriodStatus.PUBLISHED, today, until);
    }

    /** The final result: after the appeal window, with every appeal answered. */
    public void finalise(long periodId) {
        PeriodRow p = access.writable(periodId);
        if (p.status() != PeriodStatus.PUBLISHED) {
            throw new DomainException("assessment.period.error.status");
        }
        if (p.appealUntil() != null && LocalDate.now().isBefore(p.appealUntil())) {
            throw new DomainException("assessment.period.error.appealWindow", p.appealUntil());
        }
        if (appeals.appeals(periodId).stream().anyMatch(a -> a.answer() == null)) {
            throw new DomainException("assessment.period.error.openAppeals");
        }
        move(p, PeriodStatus.PUBLISHED, PeriodStatus.FINAL, null, null);
    }

    /**
     * The presiding officer (the presidium, {@link Permission#ASSESSMENT_DECIDE}) puts a period's final results on
     * the congress's public portal, or takes them down again ({@code on = false}). Only final results may go public:
     * the publication to the subjects for their appeals ({@link #publish}) stays among them.
     */
    public void publishOnPortal(long periodId, boolean on) {
        PeriodRow p = access.period(periodId, Permission.ASSESSMENT_DECIDE);
        if (on && p.status() != PeriodStatus.FINAL) {
            throw new DomainException("assessment.portal.error.notFinal");
        }
        boolean was = store.publicSince(p.id()).isPresent();
        if (was == on) {
            return;
        }
        store.portal(p.id(), on ? AssessmentStore.now() : null, on ? currentActor.auditName() : null);
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), on ? "PORTAL_PUBLISHED" : "PORTAL_WITHDRAWN",
                Map.of("name", p.name(), "public", was), Map.of("name", p.name(), "public", on));
    }

    /** Since when the period's final results are on the public portal, if they are (for the staff's page). */
    @Transactional(readOnly = true)
    public java.util.Optional<java.time.Instant> onPortalSince(long periodId) {
        return store.publicSince(access.readable(periodId).id());
    }

    private void move(PeriodRow p, PeriodStatus from, PeriodStatus to, @Nullable LocalDate publishedOn,
            @Nullable LocalDate appealUntil) {
        if (p.status() != from) {
            throw new DomainException("assessment.period.error.status");
        }
        store.periodStatus(p.id(), p.version(), to, null, publishedOn, appealUntil);
        audit.record(p.orgId(), AUDIT_PERIOD, p.id(), to.name(), Map.of("name", p.name(), "status", from.name()),
                Map.of("name", p.name(), "status", to.name(), "appealUntil",
                        appealUntil == null ? "" : appealUntil.toString()));
    }

    // ---------------------------------------------------------------- appeals (PeriodAppeals)

    /**
     * A subject appeals within the window: someone of the village or town (home organisation), the deputy
     * themself, or staff recording a paper appeal.
     */
    public long appeal(long subjectId, @NotBlank @Size(max = 2000) String body) {
        return appeals.appeal(subjectId, body);
    }

    public void answerAppeal(long appealId, @NotBlank @Size(max = 2000) String answer, boolean upheld) {
        appeals.answerAppeal(appealId, answer, upheld);
    }

    @Transactional(readOnly = true)
    public List<Appeal> appeals(long periodId) {
        return appeals.appeals(periodId);
    }

    // ---------------------------------------------------------------- results (PeriodResults)

    /** The ranking with every subject's breakdown, best first (once the period is closed). */
    @Transactional(readOnly = true)
    public List<Result> results(long periodId) {
        return results.results(periodId);
    }

    /** The subjects that cannot take a tier as things stand (unscored indicators nobody excused), for the sign-off. */
    @Transactional(readOnly = true)
    public List<Incomplete> incomplete(long periodId) {
        return results.incomplete(periodId);
    }

    /**
     * 暂定排名: while scoring runs, the subjects ranked by the sheets submitted so far with how many are in; for
     * staff and the presidium only (404 to an evaluator), never stored, not a result. Empty once closed.
     */
    @Transactional(readOnly = true)
    public List<Provisional> provisional(long periodId) {
        return results.provisional(periodId);
    }

    /** One subject's result as the subject sees it once published (with the decisions about it), or staff. */
    @Transactional(readOnly = true)
    public SubjectResult subjectResult(long subjectId) {
        return results.subjectResult(subjectId);
    }

    /** The published results in which the signed-in user's organisation, or the deputy they are, is a subject. */
    @Transactional(readOnly = true)
    public List<SubjectResult> mine() {
        return results.mine();
    }

    /**
     * The weakest deputies of a deputies' period: the {@code count} lowest results, and every one without a
     * tier. A suggestion for withdrawing the nameplate (摘牌) and an interview; nothing is done automatically.
     */
    @Transactional(readOnly = true)
    public List<WeakDeputy> weakestDeputies(long periodId, int count) {
        return results.weakestDeputies(periodId, count);
    }

    // ---------------------------------------------------------------- for the module

    SchemeRow scheme(PeriodRow p) {
        return access.scheme(p);
    }

    // ---- the list the annual report's assessment figures link to

    /** Which of the year's signed-off annual results to list: all ranked, those given a tier, those vetoed. */
    public enum ReportShow { AWARDED, VETOED }

    public record ReportResultRow(PeriodSummary period, Result result) {}

    /** A page of the rows, and the report's three counts over all of them. */
    public record ReportResults(List<ReportResultRow> rows, long shown, long ranked, long awarded, long vetoed,
            int page, int size) {
        public int pages() {
            return (int) Math.max(1, (shown + size - 1) / size);
        }
    }

    /**
     * The results of the annual assessments of the year whose results are signed off (signed, published or final),
     * held by the organisation's subtree: what the annual report counts as assessment.ranked, .awarded and
     * .vetoed. An organisation outside the reader's ASSESSMENT_READ reach answers 404.
     */
    @Transactional(readOnly = true)
    public ReportResults reportResults(long orgId, int year, @Nullable ReportShow show, int page, int size) {
        org.renda.shared.Reach reach = currentActor.reach(Permission.ASSESSMENT_READ);
        reach.check(orgId);
        reach = reach.narrow(orgs.subtreeIds(orgId));
        List<ReportResultRow> all = new java.util.ArrayList<>();
        for (AssessmentStore.PeriodRow p : store.periods(reach)) {
            if (p.forYear() != year || p.kind() != PeriodKind.ANNUAL || !java.util.EnumSet.of(PeriodStatus.SIGNED,
                    PeriodStatus.PUBLISHED, PeriodStatus.FINAL).contains(p.status())) {
                continue;
            }
            PeriodSummary summary = access.summary(p);
            results.results(p).forEach(r -> all.add(new ReportResultRow(summary, r)));
        }
        long awarded = all.stream().filter(r -> r.result().tierCode() != null).count();
        long vetoed = all.stream().filter(r -> r.result().vetoed()).count();
        List<ReportResultRow> shown = all.stream().filter(r -> show == null
                || (show == ReportShow.AWARDED ? r.result().tierCode() != null : r.result().vetoed())).toList();
        org.renda.shared.PageWindow w = org.renda.shared.PageWindow.of(page, size, shown.size());
        return new ReportResults(shown.subList(Math.min(w.offset(), shown.size()),
                Math.min(w.offset() + w.size(), shown.size())), shown.size(), all.size(), awarded, vetoed, w.page(),
                w.size());
    }
}
