package org.renda.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.Bonus;
import org.renda.assessment.AssessmentViews.Rate;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.Method;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.audit.AuditTrail;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff enter into an open period besides the sheets: satisfaction rates by hand and bonus items with evidence. */
@Service
@Transactional
class PeriodInputs {

    private final PeriodAccess access;
    private final DecisionStore store;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    PeriodInputs(PeriodAccess access, DecisionStore store, CurrentActor currentActor, AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    void enterRate(long subjectId, String indicator, BigDecimal rate, String note) {
        SubjectView s = access.subject(subjectId);
        PeriodRow p = access.periodOf(subjectId, Permission.ASSESSMENT_WRITE);
        PeriodAccess.requireOpen(p);
        Indicator i = access.scheme(p).definition().indicator(indicator);
        if (i == null || i.method() != Method.VOTE || !i.measuredIn(p.kind())) {
            throw DomainException.onField("indicator", "assessment.group.error.indicator", indicator);
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.onField("percent", "assessment.rate.error.range");
        }
        if (note.isBlank() || note.length() > 500) {
            throw DomainException.onField("note", "assessment.rate.error.note");
        }
        store.upsertRate(p.orgId(), p.id(), subjectId, indicator, rate, note.strip(), currentActor.auditName());
        audit.record(p.orgId(), AssessmentDesk.AUDIT_PERIOD, p.id(), "RATE_ENTERED", null, Map.of("period", p.name(),
                "subject", s.name(), "indicator", i.name(), "rate", rate, "note", note.strip()));
    }

    @Transactional(readOnly = true)
    List<Rate> rates(long periodId) {
        access.readable(periodId);
        return store.rates(periodId);
    }

    long addBonus(long subjectId, String indicator, BigDecimal points, String title, String evidence) {
        SubjectView s = access.subject(subjectId);
        PeriodRow p = access.periodOf(subjectId, Permission.ASSESSMENT_WRITE);
        PeriodAccess.requireOpen(p);
        Indicator i = access.scheme(p).definition().indicator(indicator);
        if (i == null || i.method() != Method.BONUS) {
            throw DomainException.onField("indicator", "assessment.group.error.indicator", indicator);
        }
        if (points.signum() <= 0 || points.compareTo(i.maxPoints()) > 0) {
            throw DomainException.onField("points", "assessment.sheet.error.range", i.name(), i.maxPoints());
        }
        if (title.isBlank() || evidence.isBlank()) {
            throw new DomainException("assessment.bonus.error.evidence");
        }
        long id = store.insertBonus(p.orgId(), p.id(), subjectId, indicator, points, title.strip(), evidence.strip(),
                currentActor.auditName());
        audit.record(p.orgId(), AssessmentDesk.AUDIT_PERIOD, p.id(), "BONUS_ADDED", null, Map.of("period", p.name(),
                "subject", s.name(), "points", points, "title", title.strip(), "evidence", evidence.strip()));
        return id;
    }

    @Transactional(readOnly = true)
    List<Bonus> bonuses(long periodId) {
        access.readable(periodId);
        return store.bonuses(periodId);
    }
}
