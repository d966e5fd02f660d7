package org.renda.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentDesk.SubjectResult;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentEnums.SheetStatus;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.Incomplete;
import org.renda.assessment.AssessmentViews.Provisional;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.AssessmentViews.WeakDeputy;
import org.renda.assessment.ResultStore.Breakdown;
import org.renda.assessment.ResultStore.ResultRow;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Score;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A period's results: computed and stored when it closes (and again after a decision), read as the ranking, as
 * one subject's result, as the incomplete subjects before sign-off, and, while scoring runs, as a provisional
 * ranking for staff that is never stored.
 */
@Service
@Transactional
class PeriodResults {

    private final PeriodAccess access;
    private final AssessmentStore store;
    private final ResultStore results;
    private final DecisionStore decisions;
    private final SheetStore sheets;
    private final PeriodScoring scoring;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;

    PeriodResults(PeriodAccess access, AssessmentStore store, ResultStore results, DecisionStore decisions,
            SheetStore sheets, PeriodScoring scoring, DeputyRegister deputies, CurrentActor currentActor) {
        this.access = access;
        this.store = store;
        this.results = results;
        this.decisions = decisions;
        this.sheets = sheets;
        this.scoring = scoring;
        this.deputies = deputies;
        this.currentActor = currentActor;
    }

    int compute(PeriodRow p) {
        Scheme scheme = access.scheme(p).definition();
        List<ResultRow> rows = new ArrayList<>();
        for (Score s : scoring.score(p, scheme)) {
            rows.add(new ResultRow(0, p.id(), s.subjectId(), s.total(), s.base(), s.bonus(), s.adjustment(), s.rank(),
                    s.tier(), s.naturalTier(), s.vetoed(), s.demoted(), new Breakdown(s.areas(), s.sources(),
                            s.indicators(), s.missing(), s.excused())));
        }
        results.replaceResults(p.orgId(), p.id(), rows);
        return rows.size();
    }

    void recomputeIfClosed(PeriodRow p) {
        if (p.status().hasResults()) {
            compute(p);
        }
    }

    @Transactional(readOnly = true)
    List<Result> results(long periodId) {
        return results(access.readable(periodId));
    }

    List<Result> results(PeriodRow p) {
        Scheme scheme = access.scheme(p).definition();
        Map<Long, SubjectView> subjects = new HashMap<>();
        store.subjects(p.id()).forEach(s -> subjects.put(s.id(), s));
        return results.results(p.id()).stream().map(r -> view(r, subjects.get(r.subjectId()), scheme)).toList();
    }

    /** The subjects with unscored indicators nobody excused, best ranked first: what the presidium is warned of. */
    @Transactional(readOnly = true)
    List<Incomplete> incomplete(long periodId) {
        return incomplete(access.readable(periodId));
    }

    List<Incomplete> incomplete(PeriodRow p) {
        Scheme scheme = access.scheme(p).definition();
        return results(p).stream().filter(Result::incomplete).map(r -> new Incomplete(r.subjectId(), r.subjectName(),
                r.rank(), r.unscored(), r.unscored().stream().map(c -> name(scheme, c)).toList())).toList();
    }

    /**
     * While the period is open, for staff and the presidium only (an evaluator's reading rights do not reach it):
     * every subject ranked by the totals of the sheets submitted so far, with how many of its sheets are in.
     * Computed on request, never stored; not a result.
     */
    @Transactional(readOnly = true)
    List<Provisional> provisional(long periodId) {
        PeriodRow p = access.readable(periodId);
        Actor actor = currentActor.require();
        if (!actor.can(Permission.ASSESSMENT_WRITE, p.orgId()) && !actor.can(Permission.ASSESSMENT_DECIDE, p.orgId())) {
            throw new NotFoundException("error.notFound");
        }
        if (p.status() != PeriodStatus.OPEN) {
            return List.of();
        }
        Map<Long, int[]> counts = new HashMap<>();
        for (SheetSummary s : sheets.sheetsOfPeriod(p.id())) {
            int[] c = counts.computeIfAbsent(s.subjectId(), k -> new int[2]);
            c[1]++;
            if (s.status() == SheetStatus.SUBMITTED) {
                c[0]++;
            }
        }
        List<Provisional> out = new ArrayList<>();
        for (Score s : scoring.score(p, access.scheme(p).definition())) {
            int[] c = counts.getOrDefault(s.subjectId(), new int[2]);
            out.add(new Provisional(s.subjectId(), s.name(), s.rank(), s.total(), c[0], c[1], s.unscored().size()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    SubjectResult subjectResult(long subjectId) {
        SubjectView s = access.subject(subjectId);
        PeriodRow p = access.periodOf(subjectId);
        boolean staff = currentActor.require().can(Permission.ASSESSMENT_READ, p.orgId());
        boolean subject = (p.status() == PeriodStatus.PUBLISHED || p.status() == PeriodStatus.FINAL)
                && access.mayActFor(p, s);
        if (!staff && !subject) {
            throw new NotFoundException("error.notFound");
        }
        Result result = results(p).stream().filter(r -> r.subjectId() == subjectId).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        return new SubjectResult(access.summary(p), result,
                decisions.decisions(p.id()).stream().filter(d -> d.subjectId() == subjectId).toList(),
                results.appeals(p.id()).stream().filter(a -> a.subjectId() == subjectId).toList(),
                p.status() == PeriodStatus.PUBLISHED && p.appealUntil() != null
                        && !LocalDate.now().isAfter(p.appealUntil()) && access.mayActFor(p, s));
    }

    @Transactional(readOnly = true)
    List<SubjectResult> mine() {
        Actor actor = currentActor.require();
        Long deputyId = deputies.mine().map(DeputyProfile::id).orElse(null);
        List<SubjectResult> out = new ArrayList<>();
        for (Object[] row : results.subjectAppearances(List.of(actor.homeOrgId()), deputyId)) {
            out.add(subjectResult((Long) row[0]));
        }
        return out;
    }

    @Transactional(readOnly = true)
    List<WeakDeputy> weakestDeputies(long periodId, int count) {
        PeriodRow p = access.readable(periodId);
        if (access.scheme(p).subjectKind() != SubjectKind.DEPUTY || !p.status().hasResults()) {
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
        List<String> excused = r.breakdown().excused() == null ? List.of() : r.breakdown().excused();
        List<String> missing = r.breakdown().missing().stream().map(c -> name(scheme, c)).toList();
        List<String> unscored = r.breakdown().missing().stream().filter(c -> !excused.contains(c)).toList();
        return new Result(r.id(), r.periodId(), r.subjectId(), s == null ? 0 : s.ref(), s == null ? "" : s.name(),
                r.total(), r.base(), r.bonus(), r.adjustment(), r.rank(), r.tier(), tierName(scheme, r.tier()),
                tierName(scheme, r.naturalTier()), r.vetoed(), r.demoted(), areas, sources, indicators, missing,
                excused.stream().map(c -> name(scheme, c)).toList(), unscored);
    }

    private static String name(Scheme scheme, String code) {
        Scheme.Indicator i = scheme.indicator(code);
        return i == null ? code : i.name();
    }

    private static @Nullable String tierName(Scheme scheme, @Nullable String code) {
        return code == null ? null : scheme.tiers().stream().filter(t -> t.code().equals(code))
                .map(Scheme.Tier::name).findFirst().orElse(code);
    }
}
