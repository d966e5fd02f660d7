package org.renda.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.calendar.WorkingCalendar;
import org.renda.calendar.WorkingDays;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DutyLog;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.supervision.SupervisionEnums.ActivityKind;
import org.renda.supervision.SupervisionEnums.ActivityState;
import org.renda.supervision.SupervisionViews.SupervisionActivity;
import org.renda.supervision.SupervisionViews.SupervisionAttendance;
import org.renda.supervision.SupervisionViews.RhythmGenerated;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A subject's year of activities (监督活动): generated from a rhythm template onto the congress's working calendar
 * (idempotent: a slot already planned is kept as it is, recorded or not), added by hand (an inquiry, an
 * appointment, a law-enforcement inspection...), recorded as held with attendance, or cancelled. Every deputy
 * present gets the activity in their duty archive, attested by the congress; one marked absent afterwards loses it.
 */
@Service
@Transactional
@Validated
public class SupervisionRhythm {

    static final String AUDIT_ACTIVITY = "supervision_activity";

    private final SupervisionStore store;
    private final WorkingCalendar calendar;
    private final DeputyRegister deputies;
    private final DutyLog duties;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    SupervisionRhythm(SupervisionStore store, WorkingCalendar calendar, DeputyRegister deputies, DutyLog duties,
            CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.calendar = calendar;
        this.deputies = deputies;
        this.duties = duties;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record ActivityForm(@NotNull ActivityKind kind, @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate plannedOn) {}

    /** Held on a date at a place, with what was found and suggested and who was present. */
    public record HoldForm(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String place,
            @NotBlank @Size(max = 4000) String summary, @NotNull @Min(0) Integer suggestions,
            @Nullable List<Long> attended) {}

    /** Plans the subject's year from the template; slots already there are kept (recorded activities untouched). */
    public RhythmGenerated generate(long subjectId, String templateCode) {
        SupervisionStore.SubjectRow s = writable(subjectId);
        RhythmTemplate template = RhythmTemplate.PRESETS.get(templateCode);
        if (template == null) {
            throw DomainException.onField("template", "supervision.error.template");
        }
        WorkingDays days = calendar.of(s.orgId());
        int created = 0;
        int kept = 0;
        for (RhythmTemplate.Planned p : template.plan(s.forYear(), days::isWorkingDay)) {
            if (store.slotTaken(s.id(), p.slot())) {
                kept++;
                continue;
            }
            long id = store.insertActivity(s.orgId(), s.id(), p.kind(), p.slot(), p.title(), p.on());
            inviteGroup(s, id);
            created++;
        }
        audit.record(s.orgId(), SupervisionDesk.AUDIT_SUBJECT, s.id(), "RHYTHM_PLANNED", null,
                Map.of("subject", s.title(), "template", template.code(), "created", created, "kept", kept));
        return new RhythmGenerated(created, kept);
    }

    /** An activity outside the rhythm (an inquiry, an appointment, a law-enforcement inspection, research...). */
    public SupervisionActivity add(long subjectId, @Valid ActivityForm f) {
        SupervisionStore.SubjectRow s = writable(subjectId);
        if (f.plannedOn().getYear() < 1900 || f.plannedOn().getYear() > 2100) {
            throw DomainException.onField("plannedOn", "supervision.error.date");
        }
        long id = store.insertActivity(s.orgId(), s.id(), f.kind(), null, f.title().strip(), f.plannedOn());
        inviteGroup(s, id);
        audit.record(s.orgId(), AUDIT_ACTIVITY, id, "CREATED", null, Map.of("subject", s.title(), "kind",
                f.kind().name(), "title", f.title().strip(), "plannedOn", f.plannedOn().toString()));
        return get(id);
    }

    /** The group's members are invited to each activity (attendance not yet recorded). */
    private void inviteGroup(SupervisionStore.SubjectRow s, long activityId) {
        store.group(s.id()).ifPresent(g -> store.members(g.id())
                .forEach(d -> store.setAttendance(activityId, s.orgId(), d, false)));
    }

    /**
     * Records the activity as held. Attendance is corrected both ways on a second recording: a deputy now present
     * gets the attested duty record, one marked absent has it retracted.
     */
    public SupervisionActivity hold(long activityId, int version, @Valid HoldForm f) {
        SupervisionStore.ActivityRow a = activity(activityId);
        SupervisionStore.SubjectRow s = writable(a.subjectId());
        if (a.state() == ActivityState.CANCELLED) {
            throw new DomainException("supervision.error.cancelled");
        }
        if (f.heldOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("heldOn", "duty.error.future");
        }
        if (f.heldOn().getYear() < 1900) {
            throw DomainException.onField("heldOn", "supervision.error.date");
        }
        List<Long> attended = f.attended() == null ? List.of() : f.attended();
        Map<Long, Boolean> before = store.attendance(a.id());
        Set<Long> allowed = new HashSet<>(before.keySet());
        store.group(s.id()).ifPresent(g -> allowed.addAll(store.members(g.id())));
        if (!allowed.containsAll(attended)) {
            throw DomainException.onField("attended", "supervision.error.notMember");
        }
        if (store.hold(a.id(), version, f.heldOn(), f.place().strip(), f.summary().strip(), f.suggestions()) != 1) {
            throw new DomainException("error.concurrentEdit");
        }
        Set<Long> now = Set.copyOf(attended);
        Set<Long> everyone = new HashSet<>(before.keySet());
        everyone.addAll(now);
        String summary = f.summary().strip();
        for (long deputyId : everyone) {
            boolean there = now.contains(deputyId);
            store.setAttendance(a.id(), s.orgId(), deputyId, there);
            String key = "supervision-activity:" + a.id() + ":deputy:" + deputyId;
            if (there) {
                duties.recordAttested(deputyId, new DutyLog.DutyForm(a.kind().dutyType(), f.heldOn(),
                        cut(s.title() + "：" + a.title(), 200), cut(summary, 400), f.place().strip()), key,
                        s.orgId(), Permission.SUPERVISION_WRITE);
            } else if (Boolean.TRUE.equals(before.get(deputyId))) {
                duties.retractAttested(key, "未出席", s.orgId(), Permission.SUPERVISION_WRITE);
            }
        }
        SupervisionActivity after = get(a.id());
        audit.record(s.orgId(), AUDIT_ACTIVITY, a.id(), "HELD", Map.of("state", a.state().name()),
                Map.of("heldOn", f.heldOn().toString(), "place", f.place().strip(), "suggestions", f.suggestions(),
                        "attended", after.attendance().stream().filter(SupervisionAttendance::attended)
                                .map(SupervisionAttendance::name).toList()));
        return after;
    }

    public SupervisionActivity cancel(long activityId, int version) {
        SupervisionStore.ActivityRow a = activity(activityId);
        SupervisionStore.SubjectRow s = writable(a.subjectId());
        if (a.state() != ActivityState.PLANNED) {
            throw new DomainException("supervision.error.notPlanned");
        }
        if (store.setState(a.id(), version, ActivityState.CANCELLED) != 1) {
            throw new DomainException("error.concurrentEdit");
        }
        audit.record(s.orgId(), AUDIT_ACTIVITY, a.id(), "CANCELLED", Map.of("state", a.state().name()),
                Map.of("title", a.title(), "plannedOn", a.plannedOn().toString()));
        return get(a.id());
    }

    @Transactional(readOnly = true)
    public SupervisionActivity get(long activityId) {
        SupervisionStore.ActivityRow a = activity(activityId);
        if (!currentActor.reach(Permission.SUPERVISION_READ).covers(a.orgId()) && !member(a.subjectId())) {
            throw new NotFoundException("error.notFound");
        }
        return views(List.of(a)).get(0);
    }

    /** Whether the signed-in deputy is in the subject's group (reads it beyond their own organisation). */
    private boolean member(long subjectId) {
        return currentActor.require().canAny(Permission.SUPERVISION_READ)
                && currentActor.require().hasRole(org.renda.shared.Role.DEPUTY)
                && deputies.mine().filter(me -> store.isMember(subjectId, me.id())).isPresent();
    }

    List<SupervisionActivity> activities(SupervisionStore.SubjectRow s) {
        return views(store.activities(s.id()));
    }

    /** Links the year-end vote to a review (inside the desk's transaction, after its scope check). */
    void linkVote(long activityId, long voteId) {
        store.setVote(activityId, voteId);
    }

    private SupervisionStore.ActivityRow activity(long id) {
        return store.activity(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private SupervisionStore.SubjectRow writable(long subjectId) {
        return currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.subject(subjectId),
                SupervisionStore.SubjectRow::orgId);
    }

    private List<SupervisionActivity> views(List<SupervisionStore.ActivityRow> rows) {
        Map<Long, Map<Long, Boolean>> attendance = new LinkedHashMap<>();
        rows.forEach(r -> attendance.put(r.id(), store.attendance(r.id())));
        var refs = deputies.refs(attendance.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList());
        List<SupervisionActivity> out = new ArrayList<>();
        for (SupervisionStore.ActivityRow r : rows) {
            List<SupervisionAttendance> att = attendance.get(r.id()).entrySet().stream()
                    .map(e -> new SupervisionAttendance(e.getKey(), refs.containsKey(e.getKey()) ? refs.get(e.getKey()).name()
                            : "", e.getValue())).toList();
            out.add(new SupervisionActivity(r.id(), r.subjectId(), r.orgId(), r.kind(), r.slot(), r.title(), r.plannedOn(),
                    r.state(), r.heldOn(), r.place(), r.summary(), r.suggestions(), r.voteId(), att, r.version()));
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
