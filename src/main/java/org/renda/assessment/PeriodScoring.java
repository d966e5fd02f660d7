package org.renda.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.Decisions;
import org.renda.assessment.engine.Inputs;
import org.renda.assessment.engine.Method;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.assessment.engine.Score;
import org.renda.assessment.engine.ScoringEngine;
import org.renda.assessment.engine.Subject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Loads what a period measured and hands it to the engine: submitted sheets, record counts from the
 * {@link RecordCounter} beans, satisfaction rates (a {@link SatisfactionSource} first, then the rates staff
 * entered), bonus items and the standing decisions (excused indicators among them). An annual period combines the halves of the same
 * scheme version that have been closed (matched by subject reference).
 */
@Component
class PeriodScoring {

    private final AssessmentStore store;
    private final SheetStore sheetStore;
    private final DecisionStore decisionStore;
    private final List<RecordCounter> counters;
    private final ObjectProvider<SatisfactionSource> satisfaction;

    PeriodScoring(AssessmentStore store, SheetStore sheetStore, DecisionStore decisionStore, List<RecordCounter> counters,
            ObjectProvider<SatisfactionSource> satisfaction) {
        this.store = store;
        this.sheetStore = sheetStore;
        this.decisionStore = decisionStore;
        this.counters = counters;
        this.satisfaction = satisfaction;
    }

    List<Score> score(PeriodRow period, Scheme scheme) {
        List<SubjectView> subjects = store.subjects(period.id());
        List<Subject> engineSubjects = subjects.stream().map(s -> new Subject(s.id(), s.ref(), s.name())).toList();
        List<Inputs> inputs = new ArrayList<>();
        if (period.kind() == PeriodKind.ANNUAL) {
            for (PeriodRow half : store.periodsOfScheme(period.schemeId())) {
                if (half.kind() != PeriodKind.ANNUAL && half.status().hasResults()) {
                    inputs.add(inputs(half, scheme, subjects));
                }
            }
        }
        inputs.add(inputs(period, scheme, subjects));
        Decisions decisions = new Decisions();
        decisionStore.decisions(period.id()).stream().filter(d -> !d.withdrawn()).forEach(d -> {
            switch (d.kind()) {
                case VETO -> decisions.veto(d.subjectId());
                case POINTS -> decisions.adjust(d.subjectId(), d.points() == null ? BigDecimal.ZERO : d.points());
                case DEMOTE -> decisions.demote(d.subjectId(), d.tiers() == null ? 1 : d.tiers());
                case EXCUSE -> d.indicators().forEach(code -> decisions.excuse(d.subjectId(), code));
            }
        });
        return ScoringEngine.score(scheme, engineSubjects, inputs, decisions);
    }

    /** One period's measurements, keyed by the subject ids of {@code target} (the period being scored). */
    Inputs inputs(PeriodRow p, Scheme scheme, List<SubjectView> target) {
        Map<Long, Long> idByRef = new HashMap<>();
        target.forEach(s -> idByRef.put(s.ref(), s.id()));
        Map<Long, Long> toTarget = new HashMap<>();
        List<SubjectView> own = target.isEmpty() || store.subjectPeriod(target.get(0).id()) == p.id() ? target
                : store.subjects(p.id());
        for (SubjectView s : own) {
            Long t = idByRef.get(s.ref());
            if (t != null) {
                toTarget.put(s.id(), t);
            }
        }
        Inputs in = new Inputs(p.kind());
        for (Object[] r : sheetStore.submittedPoints(p.id())) {
            Long t = toTarget.get((Long) r[0]);
            if (t != null) {
                in.enter(t, (String) r[1], (BigDecimal) r[2]);
            }
        }
        Set<String> sources = new HashSet<>();
        for (Indicator i : scheme.indicators()) {
            if (i.method() == Method.COUNTED && i.measuredIn(p.kind()) && i.countSource() != null) {
                sources.add(i.countSource());
            }
        }
        if (!sources.isEmpty()) {
            counts(sources, p).forEach(in::counts);
        }
        Map<String, BigDecimal> manual = new HashMap<>();
        decisionStore.rates(p.id()).forEach(r -> manual.put(r.subjectId() + "/" + r.indicator(), r.rate()));
        List<SatisfactionSource> voteSources = satisfaction.orderedStream().toList();
        for (Indicator i : scheme.indicators()) {
            if (i.method() != Method.VOTE || !i.measuredIn(p.kind()) || i.voteRef() == null) {
                continue;
            }
            for (SubjectView s : own) {
                Long t = toTarget.get(s.id());
                if (t == null) {
                    continue;
                }
                Optional<BigDecimal> rate = Optional.empty();
                for (SatisfactionSource src : voteSources) {
                    rate = src.rate(i.voteRef(), s.ref());
                    if (rate.isPresent()) {
                        break;
                    }
                }
                BigDecimal value = rate.orElse(manual.get(s.id() + "/" + i.code()));
                if (value != null) {
                    in.rate(t, i.code(), value);
                }
            }
        }
        decisionStore.bonuses(p.id()).forEach(b -> {
            Long t = toTarget.get(b.subjectId());
            if (t != null) {
                in.bonus(t, b.indicator(), b.points());
            }
        });
        return in;
    }

    /** Asks every counter for the sources it knows; a source nobody knows is left out (the indicator is missing). */
    Map<String, Map<Long, Integer>> counts(Set<String> sources, PeriodRow p) {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        for (RecordCounter c : counters) {
            Set<String> mine = new HashSet<>();
            sources.stream().filter(c::answers).filter(s -> !out.containsKey(s)).forEach(mine::add);
            if (!mine.isEmpty()) {
                out.putAll(c.counts(mine, p.startsOn(), p.endsOn()));
            }
        }
        return out;
    }
}
