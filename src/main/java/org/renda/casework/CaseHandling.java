package org.renda.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseDesk.StepInput;
import org.renda.casework.CaseDesk.Upload;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Party;
import org.renda.casework.CaseEnums.Rating;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a case after intake, as {@link CaseFlow} allows them: routing (assign, sign for, return), the
 * reply with its documents, the rating and closure, merge and withdrawal, and key supervision. Each step is
 * checked against the flow table and the actor's part in the case, and written to the timeline and the audit
 * log in one transaction.
 */
@Component
@Transactional
class CaseHandling {

    private final CaseStore store;
    private final CaseDeadlines deadlines;
    private final CaseParties parties;
    private final CaseAssigner assigner;
    private final CaseFiles files;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CaseReminders reminders;

    CaseHandling(CaseStore store, CaseDeadlines deadlines, CaseParties parties, CaseAssigner assigner, CaseFiles files,
            CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events, CaseReminders reminders) {
        this.store = store;
        this.deadlines = deadlines;
        this.parties = parties;
        this.assigner = assigner;
        this.files = files;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.reminders = reminders;
    }

    // --- taking a step ---

    /**
     * Takes one step on behalf of the actor (staff, unit, or deputy as submitter). With {@code expectedVersion}
     * the step is refused ({@code error.concurrentEdit}) when the case changed since the caller read it.
     */
    void act(long caseId, CaseAction action, StepInput in, @Nullable Integer expectedVersion, List<Upload> documents) {
        CaseStore.Row c = store.byId(caseId).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        Set<Party> mine = parties.of(actor, c);
        if (mine.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        if (expectedVersion != null && expectedVersion != c.version()) {
            throw new DomainException("error.concurrentEdit");
        }
        CaseFlow.Transition t = CaseFlow.find(c.state(), action)
                .filter(x -> x.by().stream().anyMatch(mine::contains))
                .orElseThrow(() -> new DomainException("case.error.notNow", action.name(), c.state().name()));
        if (!documents.isEmpty() && action != CaseAction.REPLY) {
            throw DomainException.onField("files", "case.error.filesOnlyWithReply");
        }
        apply(c, t, in, actor.username(), documents);
    }

    /** The submitter rates the reply with the receipt code (no account needed). */
    void ratePublic(String receiptCode, Rating rating) {
        CaseStore.Row c = store.byReceipt(receiptCode.strip().toUpperCase())
                .orElseThrow(() -> new NotFoundException("case.error.receipt"));
        if (c.source() != CaseEnums.Source.PUBLIC_FORM && c.source() != CaseEnums.Source.HOTLINE) {
            throw new DomainException("case.error.rateByDeputy");
        }
        CaseFlow.Transition t = CaseFlow.find(c.state(), CaseAction.RATE)
                .orElseThrow(() -> new DomainException("case.error.notNow", "RATE", c.state().name()));
        apply(c, t, new StepInput(null, null, List.of(), null, rating, null, null), "submitter", List.of());
    }

    /** What one step changes besides the state: each action reads the input it needs. */
    private record Effect(CaseState to, @Nullable LocalDate due, boolean setDue, @Nullable Rating rating,
            @Nullable Outcome outcome, @Nullable Long mergedInto, @Nullable String note, @Nullable List<Long> units) {}

    private void apply(CaseStore.Row c, CaseFlow.Transition t, StepInput in, String actorName, List<Upload> documents) {
        boolean complex = in.complex() != null ? in.complex() : c.complex();
        String note = Texts.blankToNull(in.note());
        Effect e = switch (t.action()) {
            case ASSIGN -> routed(c, in, note, complex);
            case SIGN -> {
                store.signAssignments(c.id(), parties.unitsOfActor(c));
                yield plain(t, note);
            }
            case RETURN -> {
                if (note == null) {
                    throw DomainException.onField("note", "case.error.reasonRequired");
                }
                store.endAssignments(c.id(), note);
                yield plain(t, note);
            }
            case REPLY -> replied(c, in, note, documents);
            case RATE -> rated(c, in, note, complex);
            case MERGE -> merged(c, in, note);
            default -> plain(t, note); // TRIAGE, CLOSE, WITHDRAW need only the note
        };
        store.transition(c.id(), c.version(), e.to(), e.due(), e.setDue(), e.rating(), e.outcome(), e.mergedInto());
        if (e.to().finished()) {
            store.endAssignments(c.id(), t.action().name());
        }
        long step = store.addEvent(c.id(), c.orgId(), actorName, t.action(), c.state(), e.to(),
                t.action() == CaseAction.RATE ? e.rating().name() + (note == null ? "" : "：" + note) : e.note(), true);
        CaseStore.Row now = store.byId(c.id()).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>(now.snapshot());
        if (!documents.isEmpty()) {
            after.put("attachments", String.join("、", files.keep(c.id(), c.orgId(), step, documents)));
        }
        audit.record(c.orgId(), CaseDesk.AUDIT_TYPE, c.id(), t.action().name(), c.snapshot(), after);
        if (t.action() == CaseAction.ASSIGN) {
            reminders.assigned(c.id(), c.orgId(), c.title(), e.due(), store.activeUnits(c.id(), false), now.version());
            events.publishEvent(new CaseEvents.CaseAssigned(c.id(), c.orgId(), e.units().get(0), e.due()));
        }
        if (e.to() == CaseState.CLOSED) {
            events.publishEvent(new CaseEvents.CaseClosed(c.id(), c.orgId(), e.rating() == null || e.rating().satisfied()));
        }
    }

    private static Effect plain(CaseFlow.Transition t, @Nullable String note) {
        return new Effect(t.to(), null, false, null, null, null, note, null);
    }

    // --- routing ---

    private Effect routed(CaseStore.Row c, StepInput in, @Nullable String note, boolean complex) {
        List<Long> units = assigner.checked(c.orgId(), in.leadUnitId(), in.coUnitIds());
        assigner.assign(c, units);
        LocalDate due = deadlines.due(c.orgId(), CaseFlow.Clock.REPLY, c.kind(), complex, LocalDate.now());
        return new Effect(CaseState.ASSIGNED, due, true, null, null, null,
                assigner.describe(units) + (note == null ? "" : "；" + note), units);
    }

    // --- handling and reply ---

    private Effect replied(CaseStore.Row c, StepInput in, @Nullable String note, List<Upload> documents) {
        if (note == null) {
            throw DomainException.onField("note", "case.error.replyRequired");
        }
        if (in.outcome() == null) {
            throw DomainException.onField("outcome", "case.error.outcomeRequired");
        }
        if (store.activeUnits(c.id(), true).stream().noneMatch(parties.unitsOfActor(c)::contains)
                && !currentActor.require().can(Permission.CASE_WRITE, c.orgId())) {
            throw new DomainException("case.error.leadReplies");
        }
        CaseFiles.checkDocuments(documents);
        return new Effect(CaseState.REPLIED, null, false, null, in.outcome(), null, note, null);
    }

    // --- rating and closure ---

    private Effect rated(CaseStore.Row c, StepInput in, @Nullable String note, boolean complex) {
        if (in.rating() == null) {
            throw DomainException.onField("rating", "case.error.ratingRequired");
        }
        CaseState to = CaseFlow.afterRating(in.rating(), store.wasRehandled(c.id()));
        LocalDate due = to == CaseState.REHANDLING
                ? deadlines.due(c.orgId(), CaseFlow.Clock.REHANDLE, c.kind(), complex, LocalDate.now()) : null;
        return new Effect(to, due, due != null, in.rating(), null, null, note, null);
    }

    private Effect merged(CaseStore.Row c, StepInput in, @Nullable String note) {
        CaseStore.Row target = store.byReceipt(in.mergeIntoReceipt() == null ? ""
                : in.mergeIntoReceipt().strip().toUpperCase())
                .filter(x -> x.id() != c.id() && !x.state().finished())
                .filter(x -> currentActor.require().can(Permission.CASE_WRITE, x.orgId()))
                .orElseThrow(() -> DomainException.onField("mergeInto", "case.error.mergeTarget"));
        return new Effect(CaseState.MERGED, null, false, null, null, target.id(),
                target.receiptCode() + (note == null ? "" : "；" + note), null);
    }

    // --- key supervision ---

    /** 重点督办: the chair or a vice-chair puts a case under (or takes it off) key supervision. */
    void superviseKey(long caseId, boolean on) {
        CaseStore.Row c = store.byId(caseId).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        actor.require(Permission.CASE_SUPERVISE, c.orgId());
        if (c.state().finished()) {
            throw new DomainException("case.error.finished");
        }
        store.setKeySupervisor(c.id(), on ? actor.displayName() : null);
        store.addEvent(c.id(), c.orgId(), actor.username(), CaseAction.TRIAGE, c.state(), c.state(),
                on ? "重点督办：" + actor.displayName() : "取消重点督办", false);
        audit.record(c.orgId(), CaseDesk.AUDIT_TYPE, c.id(), on ? "KEY_SUPERVISED" : "KEY_SUPERVISION_ENDED",
                Map.of("keySupervisor", String.valueOf(c.keySupervisor())),
                Map.of("keySupervisor", on ? actor.displayName() : ""));
    }
}
