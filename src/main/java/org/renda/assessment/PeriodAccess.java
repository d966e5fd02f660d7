package org.renda.assessment;

import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentStore.SchemeRow;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.deputy.DeputyRegister;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Component;

/**
 * Who may touch a period, shared by the period's desks: a period outside the actor's reach answers 404, a subject
 * is spoken for by its own organisation, the deputy themself, or staff.
 */
@Component
class PeriodAccess {

    private final AssessmentStore store;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;

    PeriodAccess(AssessmentStore store, DeputyRegister deputies, CurrentActor currentActor) {
        this.store = store;
        this.deputies = deputies;
        this.currentActor = currentActor;
    }

    SchemeRow scheme(PeriodRow p) {
        return store.scheme(p.schemeId()).orElseThrow();
    }

    PeriodRow readable(long periodId) {
        return period(periodId, Permission.ASSESSMENT_READ);
    }

    PeriodRow writable(long periodId) {
        return period(periodId, Permission.ASSESSMENT_WRITE);
    }

    PeriodRow period(long periodId, Permission permission) {
        return currentActor.reach(permission).guard(store.period(periodId), PeriodRow::orgId);
    }

    /** A subject by id (404 when there is none); the period is checked by the caller. */
    SubjectView subject(long subjectId) {
        return store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The period of a subject, with the permission asked (404 outside the actor's reach). */
    PeriodRow periodOf(long subjectId, Permission permission) {
        return period(store.subjectPeriod(subjectId), permission);
    }

    /** The period of a subject without a permission check (the subject's own view checks who is asking). */
    PeriodRow periodOf(long subjectId) {
        return store.period(store.subjectPeriod(subjectId)).orElseThrow();
    }

    static void requireOpen(PeriodRow p) {
        if (p.status() != PeriodStatus.OPEN) {
            throw new DomainException("assessment.period.error.notOpen");
        }
    }

    /** Whether the actor speaks for the subject: its own organisation, the deputy themself, or staff. */
    boolean mayActFor(PeriodRow p, SubjectView s) {
        Actor actor = currentActor.require();
        if (actor.can(Permission.ASSESSMENT_WRITE, p.orgId())) {
            return true;
        }
        if (scheme(p).subjectKind() == SubjectKind.DEPUTY) {
            return deputies.mine().map(d -> d.id() == s.ref()).orElse(false);
        }
        return actor.homeOrgId() == s.subjectOrgId();
    }

    PeriodSummary summary(PeriodRow p) {
        SchemeRow s = scheme(p);
        return new PeriodSummary(p.id(), p.orgId(), p.schemeId(), s.name(), s.versionNo(), s.subjectKind(), p.kind(),
                p.forYear(), p.name(), p.startsOn(), p.endsOn(), p.status(), p.signedBy(), p.publishedOn(),
                p.appealUntil(), p.version());
    }
}
