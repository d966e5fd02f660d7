package org.renda.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.Appeal;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.audit.AuditTrail;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appeals within the window after publication, and the presidium's answers. */
@Service
@Transactional
class PeriodAppeals {

    private final PeriodAccess access;
    private final ResultStore store;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    PeriodAppeals(PeriodAccess access, ResultStore store, CurrentActor currentActor, AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    long appeal(long subjectId, String body) {
        SubjectView s = access.subject(subjectId);
        PeriodRow p = access.periodOf(subjectId);
        if (!access.mayActFor(p, s)) {
            throw new NotFoundException("error.notFound");
        }
        if (p.status() != PeriodStatus.PUBLISHED || p.appealUntil() == null
                || LocalDate.now().isAfter(p.appealUntil())) {
            throw new DomainException("assessment.appeal.error.window");
        }
        if (body.isBlank() || body.length() > 2000) {
            throw DomainException.onField("body", "assessment.appeal.error.body");
        }
        long id = store.insertAppeal(p.orgId(), p.id(), subjectId, body.strip(), currentActor.auditName());
        audit.record(p.orgId(), AssessmentDesk.AUDIT_APPEAL, id, "FILED", null, Map.of("period", p.name(), "subject",
                s.name(), "body", body.strip()));
        return id;
    }

    void answerAppeal(long appealId, String answer, boolean upheld) {
        Appeal a = store.appeal(appealId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = access.period(a.periodId(), Permission.ASSESSMENT_DECIDE);
        if (answer.isBlank() || answer.length() > 2000) {
            throw DomainException.onField("answer", "assessment.appeal.error.body");
        }
        store.answerAppeal(appealId, answer.strip(), upheld, currentActor.auditName());
        audit.record(p.orgId(), AssessmentDesk.AUDIT_APPEAL, appealId, "ANSWERED", null, Map.of("period", p.name(),
                "subject", a.subjectName(), "answer", answer.strip(), "upheld", upheld));
    }

    @Transactional(readOnly = true)
    List<Appeal> appeals(long periodId) {
        access.readable(periodId);
        return store.appeals(periodId);
    }
}
