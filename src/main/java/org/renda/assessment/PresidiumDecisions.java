package org.renda.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.Decision;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.audit.AuditTrail;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The presidium's decisions about subjects: the one-vote veto, points added or taken, a tier moved down, and the
 * unscored indicators it accepts as zero. Taken after closing, the results are computed again at once.
 */
@Service
@Transactional
class PresidiumDecisions {

    private final PeriodAccess access;
    private final DecisionStore store;
    private final PeriodResults results;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    PresidiumDecisions(PeriodAccess access, DecisionStore store, PeriodResults results, CurrentActor currentActor,
            AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.results = results;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    long decide(long subjectId, DecisionKind kind, @Nullable BigDecimal points, @Nullable Integer tiers,
            List<String> indicators, @Nullable String reason, @Nullable String evidence) {
        SubjectView s = access.subject(subjectId);
        PeriodRow p = access.periodOf(subjectId, Permission.ASSESSMENT_DECIDE);
        if (!p.status().decidable()) {
            throw new DomainException("assessment.decision.error.status");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw DomainException.onField("reason", "assessment.error.reasonRequired");
        }
        if (kind == DecisionKind.POINTS && (points == null || points.signum() == 0
                || points.abs().compareTo(new BigDecimal("100")) > 0)) {
            throw DomainException.onField("points", "assessment.decision.error.points");
        }
        if (kind == DecisionKind.DEMOTE && (tiers == null || tiers < 1 || tiers > 5)) {
            throw DomainException.onField("tiers", "assessment.decision.error.tiers");
        }
        List<String> excused = kind == DecisionKind.EXCUSE ? excusable(p, subjectId, indicators) : List.of();
        String ev = evidence == null || evidence.isBlank() ? null : evidence.strip();
        long id = store.insertDecision(p.orgId(), p.id(), subjectId, kind, kind == DecisionKind.POINTS ? points : null,
                kind == DecisionKind.DEMOTE ? tiers : null, excused, reason.strip(), ev, currentActor.auditName());
        Scheme scheme = access.scheme(p).definition();
        audit.record(p.orgId(), AssessmentDesk.AUDIT_DECISION, id, kind.name(), null, Map.of("period", p.name(),
                "subject", s.name(), "points", points == null ? "" : points, "tiers", tiers == null ? "" : tiers,
                "indicators", excused.stream().map(c -> scheme.indicator(c).name()).toList(), "reason", reason.strip(),
                "evidence", ev == null ? "" : ev));
        results.recomputeIfClosed(p);
        return id;
    }

    /**
     * The indicators an EXCUSE may cover: indicators of the scheme that are not bonus items and, once results
     * exist, are among the subject's missing ones (nothing measured is excused away).
     */
    private List<String> excusable(PeriodRow p, long subjectId, List<String> indicators) {
        if (indicators.isEmpty()) {
            throw DomainException.onField("indicators", "assessment.decision.error.indicators");
        }
        Scheme scheme = access.scheme(p).definition();
        List<String> missing = null;
        if (p.status().hasResults()) {
            Result r = results.results(p).stream().filter(x -> x.subjectId() == subjectId).findFirst().orElseThrow();
            missing = new ArrayList<>();
            for (Indicator i : scheme.indicators()) {
                if (r.missing().contains(i.name())) {
                    missing.add(i.code());
                }
            }
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String code : indicators) {
            Indicator i = scheme.indicator(code);
            if (i == null || i.isBonus() || (missing != null && !missing.contains(code))) {
                throw DomainException.onField("indicators", "assessment.decision.error.notMissing",
                        i == null ? code : i.name());
            }
            out.add(code);
        }
        return List.copyOf(out);
    }

    void withdrawDecision(long decisionId) {
        Decision d = store.decision(decisionId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = access.periodOf(d.subjectId(), Permission.ASSESSMENT_DECIDE);
        if (!p.status().decidable() || d.withdrawn()) {
            throw new DomainException("assessment.decision.error.status");
        }
        store.withdrawDecision(decisionId);
        audit.record(p.orgId(), AssessmentDesk.AUDIT_DECISION, decisionId, "WITHDRAWN",
                Map.of("period", p.name(), "subject", d.subjectName(), "withdrawn", false),
                Map.of("period", p.name(), "subject", d.subjectName(), "withdrawn", true));
        results.recomputeIfClosed(p);
    }

    @Transactional(readOnly = true)
    List<Decision> decisions(long periodId) {
        access.readable(periodId);
        return store.decisions(periodId);
    }
}
