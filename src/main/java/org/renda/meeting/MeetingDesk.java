package org.renda.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseDesk;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseViews.CaseView;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.MotionKind;
import org.renda.meeting.MeetingEnums.Response;
import org.renda.meeting.MeetingEnums.Share;
import org.renda.meeting.MeetingViews.AgendaItemView;
import org.renda.meeting.MeetingViews.Attendance;
import org.renda.meeting.MeetingViews.AttendeeView;
import org.renda.meeting.MeetingViews.MaterialView;
import org.renda.meeting.MeetingViews.MeetingPage;
import org.renda.meeting.MeetingViews.MeetingSummary;
import org.renda.meeting.MeetingViews.MeetingView;
import org.renda.meeting.MeetingViews.MotionView;
import org.renda.meeting.MeetingViews.SpeechView;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Meetings from draft to close: the agenda and schedule, materials, invitations and answers, presence at the door
 * (attested in the deputies' archives), motions turned into cases, speeches and minutes. Votes are kept by
 * {@link Resolutions}, the presidium by {@link Presidiums}. Everything is scoped to the meeting's organisation
 * (MEETING_READ, MEETING_WRITE; an invited deputy reads their meeting) and audited.
 */
@Service
@Transactional
@Validated
public class MeetingDesk {

    static final String AUDIT_TYPE = "meeting";

    private final MeetingStore store;
    private final DeputyRegister deputies;
    private final DutyLog duties;
    private final CaseDesk cases;
    private final Notifier notifier;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final MeetingSettings settings;

    MeetingDesk(MeetingStore store, DeputyRegister deputies, DutyLog duties, CaseDesk cases, Notifier notifier,
            OrgTree orgs, CurrentActor currentActor, AuditTrail audit, MeetingSettings settings) {
        this.store = store;
        this.deputies = deputies;
        this.duties = duties;
        this.cases = cases;
        this.notifier = notifier;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
        this.settings = settings;
    }

    /** A new meeting. A session's title is written from its term and session when left blank. */
    public record MeetingForm(@NotNull Long orgId, @NotNull MeetingKind kind, @Nullable @Size(max = 200) String title,
            @Nullable @Min(1) @Max(99) Integer termNo, @Nullable @Min(1) @Max(99) Integer sessionNo,
            @NotNull LocalDate startsOn, @Nullable LocalDate endsOn, @NotNull LocalTime startsAt,
            @NotBlank @Size(max = 200) String place) {}

    public record AgendaForm(@NotBlank @Size(max = 300) String title, @Nullable LocalDate heldOn,
            @Nullable LocalTime atTime, @Nullable @Size(max = 100) String presenter) {}

    public record Upload(String fileName, @Nullable String contentType, byte[] data) {}

    public record MotionForm(@NotNull Long deputyId, @NotNull MotionKind kind, @NotBlank @Size(max = 30) String category,
            @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String content) {}

    public record SpeechForm(@NotNull Long deputyId, @NotBlank @Size(max = 200) String topic) {}

    // ---- the meeting

    public MeetingView create(@Valid MeetingForm f) {
        currentActor.require().require(Permission.MEETING_WRITE, f.orgId());
        OrgView org = orgs.find(f.orgId()).filter(OrgView::active)
                .orElseThrow(() -> DomainException.onField("orgId", "meeting.error.org"));
        MeetingStore.NewMeeting m = checked(org, f);
        long id = store.insert(m, currentActor.auditName());
        MeetingView created = view(row(id));
        audit.record(org.id(), AUDIT_TYPE, id, "CREATED", null, created);
        return created;
    }

    private MeetingStore.NewMeeting checked(OrgView org, MeetingForm f) {
        boolean congress = f.kind() == MeetingKind.SESSION || f.kind() == MeetingKind.PRESIDIUM;
        if (congress && org.type() != OrgType.TOWN) {
            throw DomainException.onField("orgId", "meeting.error.townOnly");
        }
        if (congress && f.termNo() == null) {
            throw DomainException.onField("termNo", "meeting.error.termNo");
        }
        if (f.kind() == MeetingKind.SESSION && f.sessionNo() == null) {
            throw DomainException.onField("sessionNo", "meeting.error.sessionNo");
        }
        LocalDate ends = f.endsOn() == null ? f.startsOn() : f.endsOn();
        if (ends.isBefore(f.startsOn())) {
            throw DomainException.onField("endsOn", "meeting.error.endsOn");
        }
        String title = Texts.blankToNull(f.title());
        if (title == null) {
            title = switch (f.kind()) {
                case SESSION -> sessionTitle(org.name(), f.termNo(), f.sessionNo());
                case PRESIDIUM -> org.name() + "第" + MeetingFiles.numeral(f.termNo()) + "届人大主席团会议";
                default -> throw DomainException.onField("title", "meeting.error.title");
            };
        }
        return new MeetingStore.NewMeeting(org.id(), f.kind(), title.strip(), congress ? f.termNo() : null,
                f.kind() == MeetingKind.SESSION ? f.sessionNo() : null, f.startsOn(), ends, f.startsAt(),
                f.place().strip());
    }

    /** "安澜镇第十八届人民代表大会第三次会议". */
    static String sessionTitle(String orgName, @Nullable Integer term, @Nullable Integer session) {
        return orgName + "第" + MeetingFiles.numeral(term == null ? 1 : term) + "届人民代表大会第"
                + MeetingFiles.numeral(session == null ? 1 : session) + "次会议";
    }

    /**
     * Moves the meeting to its next state. Notifying needs an agenda; it invites (a session: every deputy in office;
     * a presidium meeting: the presidium) unless invited already, and tells each invited deputy. Opening needs the
     * first day to have come.
     */
    public MeetingView advance(long id, MeetingState to) {
        MeetingStore.Row m = writable(id);
        if (m.state().next() != to) {
            throw new DomainException("meeting.error.state");
        }
        if (to == MeetingState.NOTIFIED) {
            if (store.agenda(id).isEmpty()) {
                throw new DomainException("meeting.error.noAgenda");
            }
            if (store.attendees(id).isEmpty()) {
                inviteDefault(m);
            }
            if (store.attendees(id).isEmpty()) {
                throw new DomainException("meeting.error.noInvitees");
            }
        }
        if (to == MeetingState.IN_SESSION && LocalDate.now().isBefore(m.startsOn())) {
            throw new DomainException("meeting.error.notYet", m.startsOn().toString());
        }
        store.setState(id, m.version(), to);
        if (to == MeetingState.NOTIFIED) {
            notifyInvited(m);
        }
        MeetingView after = view(row(id));
        audit.record(m.orgId(), AUDIT_TYPE, id, to == MeetingState.NOTIFIED ? "NOTIFIED"
                : to == MeetingState.IN_SESSION ? "OPENED" : "CLOSED", Map.of("state", m.state().name()),
                Map.of("state", to.name()));
        return after;
    }

    private void notifyInvited(MeetingStore.Row m) {
        Map<Long, DeputyRef> refs = deputies.refs(store.attendees(m.id()).stream()
                .map(MeetingStore.AttendeeRow::deputyId).toList());
        for (DeputyRef ref : refs.values()) {
            if (ref.userId() != null) {
                notifier.notify(NotificationRequest.of(m.orgId(), ref.userId(), "meeting:" + m.id() + ":notice:" + ref.id(),
                        "会议通知：" + m.title(), ref.name() + "代表：" + m.title() + "定于 " + m.startsOn() + " "
                                + m.startsAt() + " 在" + m.place() + "召开，请确认出席或请假。")
                        .withLink("/meetings/" + m.id()));
            }
        }
    }

    public MeetingView saveMinutes(long id, int version, @Nullable String minutes) {
        MeetingStore.Row m = writable(id);
        String text = Texts.blankToNull(minutes);
        if (text != null && text.length() > 20000) {
            throw DomainException.onField("minutes", "meeting.error.minutes");
        }
        store.setMinutes(id, version, text);
        audit.record(m.orgId(), AUDIT_TYPE, id, "MINUTES", m.minutes() == null ? null : Map.of("minutes", m.minutes()),
                text == null ? null : Map.of("minutes", text));
        return view(row(id));
    }

    // ---- agenda and schedule

    public AgendaItemView addAgenda(long id, @Valid AgendaForm f) {
        MeetingStore.Row m = writable(id);
        open(m);
        if (f.heldOn() != null && (f.heldOn().isBefore(m.startsOn()) || f.heldOn().isAfter(m.endsOn()))) {
            throw DomainException.onField("heldOn", "meeting.agenda.error.day");
        }
        long itemId = store.addAgenda(id, m.orgId(), f.title().strip(), f.heldOn(), f.atTime(),
                Texts.blankToNull(f.presenter()));
        AgendaItemView item = agendaView(store.agendaItem(itemId).orElseThrow());
        audit.record(m.orgId(), AUDIT_TYPE, id, "AGENDA_ADDED", null, item);
        return item;
    }

    public void removeAgenda(long agendaId) {
        MeetingStore.AgendaRow a = store.agendaItem(agendaId).orElseThrow(() -> new NotFoundException("error.notFound"));
        MeetingStore.Row m = writable(a.meetingId());
        open(m);
        store.deleteAgenda(agendaId);
        audit.record(m.orgId(), AUDIT_TYPE, m.id(), "AGENDA_REMOVED", agendaView(a), null);
    }

    /** The meeting the agenda item belongs to (for pages that return to it). */
    @Transactional(readOnly = true)
    public long meetingOfAgenda(long agendaId) {
        MeetingStore.AgendaRow a = store.agendaItem(agendaId).orElseThrow(() -> new NotFoundException("error.notFound"));
        return readable(a.meetingId()).id();
    }

    // ---- materials

    public MaterialView addMaterial(long id, @Nullable String title, Upload file) {
        MeetingStore.Row m = writable(id);
        String type = MeetingFiles.check(file.fileName(), file.contentType(), file.data());
        String name = MeetingFiles.safeName(file.fileName());
        String t = Texts.blankToNull(title) == null ? name : title.strip();
        if (t.length() > 200) {
            throw DomainException.onField("title", "meeting.material.error.title");
        }
        long materialId = store.addMaterial(id, m.orgId(), t, name, type, file.data(), currentActor.auditName());
        MaterialView v = new MaterialView(materialId, t, name, type, file.data().length);
        audit.record(m.orgId(), AUDIT_TYPE, id, "MATERIAL_ADDED", null, v);
        return v;
    }

    /** A material to download: staff in reach, or a deputy invited to the meeting. */
    @Transactional(readOnly = true)
    public MeetingStore.MaterialFile material(long materialId) {
        MeetingStore.MaterialFile f = store.material(materialId).orElseThrow(() -> new NotFoundException("error.notFound"));
        readable(f.meetingId());
        return f;
    }

    public long removeMaterial(long materialId) {
        MeetingStore.MaterialFile f = store.material(materialId).orElseThrow(() -> new NotFoundException("error.notFound"));
        MeetingStore.Row m = writable(f.meetingId());
        store.deleteMaterial(materialId);
        audit.record(m.orgId(), AUDIT_TYPE, m.id(), "MATERIAL_REMOVED", Map.of("file", f.fileName()), null);
        return m.id();
    }

    // ---- invitations and answers

    /**
     * Invites deputies: a session every deputy in office of the congress, a presidium meeting the presidium of its
     * term, other meetings the deputies chosen (deputies of the organisation's congress). Answers how many are new.
     */
    public int invite(long id, List<Long> deputyIds) {
        MeetingStore.Row m = writable(id);
        open(m);
        int added;
        if (m.kind() == MeetingKind.SESSION || m.kind() == MeetingKind.PRESIDIUM) {
            added = inviteDefault(m);
        } else {
            Set<Long> members = memberIds(m.orgId());
            if (deputyIds.isEmpty()) {
                throw DomainException.onField("deputyIds", "meeting.error.chooseDeputies");
            }
            if (!members.containsAll(deputyIds)) {
                throw new NotFoundException("error.notFound");
            }
            added = 0;
            for (long d : new java.util.LinkedHashSet<>(deputyIds)) {
                added += store.invite(id, m.orgId(), d) ? 1 : 0;
            }
        }
        if (added > 0) {
            audit.record(m.orgId(), AUDIT_TYPE, id, "INVITED", null, Map.of("added", added));
            if (m.state() == MeetingState.NOTIFIED) {
                notifyInvited(m);
            }
        }
        return added;
    }

    private int inviteDefault(MeetingStore.Row m) {
        List<Long> who = m.kind() == MeetingKind.PRESIDIUM
                ? presidiumOf(m).stream().map(MeetingStore.MemberRow::deputyId).toList()
                : m.kind() == MeetingKind.SESSION ? List.copyOf(memberIds(m.orgId())) : List.of();
        int added = 0;
        for (long d : who) {
            added += store.invite(m.id(), m.orgId(), d) ? 1 : 0;
        }
        return added;
    }

    private List<MeetingStore.MemberRow> presidiumOf(MeetingStore.Row m) {
        return m.termNo() == null ? List.of() : store.presidium(m.orgId(), m.termNo())
                .map(p -> store.members(p.id())).orElse(List.of());
    }

    /** The signed-in deputy confirms, or asks leave with a reason. */
    public AttendeeView respond(long id, Response response, @Nullable String reason) {
        DeputyProfile me = deputies.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        MeetingStore.Row m = row(id);
        return answer(m, me.id(), me.name(), response, reason);
    }

    /** Staff record a deputy's answer given by telephone (电话通知、确认). */
    public AttendeeView answerFor(long id, long deputyId, Response response, @Nullable String reason) {
        MeetingStore.Row m = writable(id);
        return answer(m, deputyId, ref(deputyId).name(), response, reason);
    }

    private AttendeeView answer(MeetingStore.Row m, long deputyId, String name, Response response,
            @Nullable String reason) {
        long id = m.id();
        MeetingStore.AttendeeRow a = store.attendee(id, deputyId).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (m.state() != MeetingState.NOTIFIED && m.state() != MeetingState.IN_SESSION) {
            throw new DomainException("meeting.error.notOpenForAnswers");
        }
        String why = Texts.blankToNull(reason);
        if (response == Response.PENDING) {
            throw DomainException.onField("response", "meeting.error.response");
        }
        if (response == Response.LEAVE && why == null) {
            throw DomainException.onField("reason", "meeting.error.leaveReason");
        }
        if (why != null && why.length() > 300) {
            throw DomainException.onField("reason", "meeting.error.leaveReasonLength");
        }
        store.respond(id, deputyId, response, response == Response.LEAVE ? why : null);
        audit.record(m.orgId(), AUDIT_TYPE, id, "RESPONDED", Map.of("deputy", name, "response", a.response().name()),
                Map.of("deputy", name, "response", response.name()));
        return attendeeViews(m).stream().filter(v -> v.deputyId() == deputyId).findFirst().orElseThrow();
    }

    /**
     * Records who is present (the check at the door), correcting both ways: each deputy present gets the meeting
     * in their duty archive (attested), one unmarked loses it again.
     */
    public Attendance checkIn(long id, List<Long> presentIds) {
        MeetingStore.Row m = writable(id);
        if (m.state() != MeetingState.IN_SESSION && m.state() != MeetingState.CLOSED) {
            throw new DomainException("meeting.error.notInSession");
        }
        Map<Long, MeetingStore.AttendeeRow> invited = new LinkedHashMap<>();
        store.attendees(id).forEach(a -> invited.put(a.deputyId(), a));
        Set<Long> now = new HashSet<>(presentIds);
        if (!invited.keySet().containsAll(now)) {
            throw new NotFoundException("error.notFound");
        }
        DutyType type = m.kind().dutyType();
        List<String> came = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Map<Long, DeputyRef> refs = deputies.refs(invited.keySet());
        for (MeetingStore.AttendeeRow a : invited.values()) {
            boolean there = now.contains(a.deputyId());
            if (there == a.present()) {
                continue;
            }
            store.setPresent(id, a.deputyId(), there);
            String key = "meeting:" + id + ":deputy:" + a.deputyId();
            String name = refs.containsKey(a.deputyId()) ? refs.get(a.deputyId()).name() : String.valueOf(a.deputyId());
            if (there) {
                duties.recordAttested(a.deputyId(), new DutyLog.DutyForm(type, m.startsOn(), clip("出席" + m.title(), 200),
                        null, clip(m.place(), 200)), key, m.orgId(), Permission.MEETING_WRITE);
                came.add(name);
            } else {
                duties.retractAttested(key, "未出席", m.orgId(), Permission.MEETING_WRITE);
                left.add(name);
            }
        }
        Attendance after = attendance(m, attendeeViews(m));
        if (!came.isEmpty() || !left.isEmpty()) {
            audit.record(m.orgId(), AUDIT_TYPE, id, "PRESENCE", Map.of("unmarked", left),
                    Map.of("marked", came, "present", after.present(), "expected", after.expected()));
        }
        return after;
    }

    // ---- motions and speeches

    /**
     * A motion or suggestion a deputy raised at the session becomes a tracked case (source: the session), counted as a
     * proposal in the deputy's archive.
     */
    public MotionView raiseMotion(long id, @Valid MotionForm f) {
        MeetingStore.Row m = writable(id);
        if (m.state() == MeetingState.DRAFT) {
            throw new DomainException("meeting.error.notOpenForMotions");
        }
        if (store.attendee(id, f.deputyId()).isEmpty()) {
            throw DomainException.onField("deputyId", "meeting.error.notInvited");
        }
        DeputyRef deputy = ref(f.deputyId());
        String label = f.kind() == MotionKind.MOTION ? "议案" : "建议";
        CaseView c = cases.intake(new CaseDesk.StaffIntake(m.orgId(), Source.SESSION, Kind.SUGGESTION, f.category(),
                f.title().strip(), f.content().strip() + "\n\n（" + m.title() + "期间" + deputy.name() + "代表提出的" + label
                        + "）", null, deputy.name(), null, false, deputy.id()), List.of());
        long motionId = store.addMotion(id, m.orgId(), deputy.id(), f.kind(), f.title().strip(), c.id(), c.receiptCode());
        LocalDate on = LocalDate.now().isBefore(m.startsOn()) ? LocalDate.now() : m.startsOn();
        duties.recordAttested(deputy.id(), new DutyLog.DutyForm(DutyType.PROPOSAL, on, clip("在" + m.title() + "上提出"
                + label + "：" + f.title().strip(), 200), null, null), "meeting-motion:" + motionId, m.orgId(),
                Permission.MEETING_WRITE);
        MotionView v = new MotionView(motionId, deputy.id(), deputy.name(), f.kind(), f.title().strip(), c.id(),
                c.receiptCode());
        audit.record(m.orgId(), AUDIT_TYPE, id, "MOTION_RAISED", null, v);
        return v;
    }

    /** A plenary speech (大会发言), attested in the deputy's archive. */
    public SpeechView recordSpeech(long id, @Valid SpeechForm f) {
        MeetingStore.Row m = writable(id);
        if (m.state() != MeetingState.IN_SESSION && m.state() != MeetingState.CLOSED) {
            throw new DomainException("meeting.error.notInSession");
        }
        if (store.attendee(id, f.deputyId()).isEmpty()) {
            throw DomainException.onField("deputyId", "meeting.error.notInvited");
        }
        DeputyRef deputy = ref(f.deputyId());
        long speechId = store.addSpeech(id, m.orgId(), deputy.id(), f.topic().strip());
        duties.recordAttested(deputy.id(), new DutyLog.DutyForm(DutyType.OTHER, m.startsOn(), clip("大会发言："
                + f.topic().strip(), 200), m.title(), clip(m.place(), 200)), "meeting-speech:" + speechId, m.orgId(),
                Permission.MEETING_WRITE);
        SpeechView v = new SpeechView(speechId, deputy.id(), deputy.name(), f.topic().strip());
        audit.record(m.orgId(), AUDIT_TYPE, id, "SPEECH", null, v);
        return v;
    }

    private DeputyRef ref(long deputyId) {
        DeputyRef r = deputies.refs(List.of(deputyId)).get(deputyId);
        if (r == null) {
            throw new NotFoundException("error.notFound");
        }
        return r;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public MeetingView get(long id) {
        return view(readable(id));
    }

    @Transactional(readOnly = true)
    public MeetingPage page(long id) {
        MeetingStore.Row m = readable(id);
        List<AttendeeView> attendees = attendeeViews(m);
        Map<Long, String> names = new LinkedHashMap<>();
        attendees.forEach(a -> names.put(a.deputyId(), a.name()));
        List<MotionView> motions = store.motions(id).stream().map(r -> new MotionView(r.id(), r.deputyId(),
                names.getOrDefault(r.deputyId(), ""), r.kind(), r.title(), r.caseId(), r.caseReceipt())).toList();
        List<SpeechView> speeches = store.speeches(id).stream().map(r -> new SpeechView(r.id(), r.deputyId(),
                names.getOrDefault(r.deputyId(), ""), r.topic())).toList();
        Optional<DeputyProfile> me = deputies.mine();
        AttendeeView mine = me.flatMap(d -> attendees.stream().filter(a -> a.deputyId() == d.id()).findFirst())
                .orElse(null);
        var actor = currentActor.require();
        return new MeetingPage(view(m), agenda(m.id()), materials(m.id()), attendees, attendance(m, attendees), motions,
                speeches, Resolutions.views(store.resolutions(id)), actor.can(Permission.MEETING_WRITE, m.orgId()),
                actor.can(Permission.MEETING_PRESIDE, m.orgId()), mine);
    }

    /**
     * The meetings of an organisation's subtree started in the year, of a kind and in a state when given (the
     * annual report's figures link here: the sessions, the presidium meetings, every meeting held); 404 for an
     * organisation outside the actor's MEETING_READ reach. Unlike {@link #list(int)} it holds the subtree's
     * meetings only, not those the signed-in deputy is invited to elsewhere.
     */
    @Transactional(readOnly = true)
    public List<MeetingSummary> list(long orgId, int year, @Nullable MeetingKind kind, @Nullable MeetingState state) {
        Reach reach = currentActor.reach(Permission.MEETING_READ);
        reach.check(orgId); // a foreign organisation: 404
        List<MeetingStore.Row> rows = store.list(reach.narrow(orgs.subtreeIds(orgId)), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)).stream().filter(r -> (kind == null || r.kind() == kind)
                        && (state == null || r.state() == state)).toList();
        Map<Long, String> names = orgNames(rows);
        Map<Long, Response> mine = myResponses();
        return rows.stream().map(r -> new MeetingSummary(view(r, names), mine.get(r.id()))).toList();
    }

    /** The meetings of a year in the actor's reach, and those the signed-in deputy is invited to. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> list(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<Long, MeetingSummary> out = new LinkedHashMap<>();
        Map<Long, Response> mine = myResponses();
        List<MeetingStore.Row> rows = new ArrayList<>(store.list(currentActor.reach(Permission.MEETING_READ), from, to));
        deputies.mine().ifPresent(d -> store.ofDeputy(d.id(), from).stream()
                .filter(r -> !r.startsOn().isAfter(to)).forEach(rows::add));
        Map<Long, String> names = orgNames(rows);
        rows.stream().sorted(java.util.Comparator.comparing(MeetingStore.Row::startsOn).reversed())
                .forEach(r -> out.putIfAbsent(r.id(), new MeetingSummary(view(r, names), mine.get(r.id()))));
        return List.copyOf(out.values());
    }

    /** The signed-in deputy's meetings from today on (notified, in session), soonest first. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> mine(LocalDate today) {
        Optional<DeputyProfile> me = deputies.mine();
        if (me.isEmpty()) {
            return List.of();
        }
        List<MeetingStore.Row> rows = store.ofDeputy(me.get().id(), today).stream()
                .filter(r -> r.state() != MeetingState.CLOSED).toList();
        Map<Long, String> names = orgNames(rows);
        Map<Long, Response> responses = myResponses();
        return rows.stream().map(r -> new MeetingSummary(view(r, names), responses.get(r.id()))).toList();
    }

    /** The signed-in deputy's next meeting, if any (the home page shows it). */
    @Transactional(readOnly = true)
    public Optional<MeetingSummary> nextForMe(LocalDate today) {
        return mine(today).stream().findFirst();
    }

    private Map<Long, Response> myResponses() {
        Map<Long, Response> out = new java.util.HashMap<>();
        deputies.mine().ifPresent(d -> store.ofDeputy(d.id(), LocalDate.of(2000, 1, 1)).forEach(r ->
                store.attendee(r.id(), d.id()).ifPresent(a -> out.put(r.id(), a.response()))));
        return out;
    }

    /** Whether the actor may create meetings anywhere. */
    @Transactional(readOnly = true)
    public boolean canCreate() {
        return currentActor.require().canAny(Permission.MEETING_WRITE);
    }

    /** The organisations where the actor may hold meetings (towns first). */
    @Transactional(readOnly = true)
    public List<OrgView> writableOrgs() {
        return orgs.within(currentActor.reach(Permission.MEETING_WRITE),
                java.util.EnumSet.of(OrgType.COUNTY, OrgType.TOWN, OrgType.STREET)).stream().filter(OrgView::active)
                .toList();
    }

    /** The deputies a meeting of this organisation may invite (its congress, in office), by name. */
    @Transactional(readOnly = true)
    public List<DeputyRef> invitable(long id) {
        MeetingStore.Row m = writable(id);
        return deputies.congressMembers(m.orgId());
    }

    // ---- reminders

    /**
     * Reminds each invited deputy who has not asked leave {@code renda.meeting.reminder-days} (3) days ahead, once per
     * meeting and deputy (the notification's key); answers how many reminders were new. Runs as the system.
     */
    public int remind(LocalDate today) {
        int created = 0;
        Reach all = currentActor.reach(Permission.MEETING_READ);
        for (MeetingStore.Row m : store.notifiedBetween(all, today, today.plusDays(settings.reminderDays()))) {
            List<MeetingStore.AttendeeRow> invited = store.attendees(m.id()).stream()
                    .filter(a -> a.response() != Response.LEAVE).toList();
            Map<Long, DeputyRef> refs = deputies.refs(invited.stream().map(MeetingStore.AttendeeRow::deputyId).toList());
            for (DeputyRef ref : refs.values()) {
                if (ref.userId() == null) {
                    continue;
                }
                created += notifier.notify(NotificationRequest.of(m.orgId(), ref.userId(),
                        "meeting:" + m.id() + ":reminder:" + ref.id(), "会议提醒：" + m.title(),
                        ref.name() + "代表：" + m.title() + "将于 " + m.startsOn() + " " + m.startsAt() + " 在"
                                + m.place() + "召开，请按时出席。").withLink("/meetings/" + m.id()));
            }
        }
        return created;
    }

    // ---- internals shared with the module

    MeetingStore.Row row(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** Staff who read the organisation, or a deputy invited to the meeting; anyone else gets 404. */
    MeetingStore.Row readable(long id) {
        MeetingStore.Row m = row(id);
        if (currentActor.reach(Permission.MEETING_READ).covers(m.orgId())) {
            return m;
        }
        Optional<DeputyProfile> me = deputies.mine();
        if (me.isPresent() && store.attendee(id, me.get().id()).isPresent()) {
            return m;
        }
        throw new NotFoundException("error.notFound");
    }

    MeetingStore.Row writable(long id) {
        return currentActor.reach(Permission.MEETING_WRITE).guard(store.byId(id), MeetingStore.Row::orgId);
    }

    private static void open(MeetingStore.Row m) {
        if (m.state() == MeetingState.CLOSED) {
            throw new DomainException("meeting.error.closed");
        }
    }

    Set<Long> memberIds(long orgId) {
        Set<Long> out = new java.util.LinkedHashSet<>();
        deputies.congressMembers(orgId).forEach(r -> out.add(r.id()));
        return out;
    }

    List<AttendeeView> attendeeViews(MeetingStore.Row m) {
        List<MeetingStore.AttendeeRow> rows = store.attendees(m.id());
        Map<Long, DeputyRef> refs = deputies.refs(rows.stream().map(MeetingStore.AttendeeRow::deputyId).toList());
        List<AttendeeView> out = new ArrayList<>();
        Map<Long, MeetingStore.AttendeeRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.deputyId(), r));
        refs.values().forEach(ref -> {
            MeetingStore.AttendeeRow a = byId.get(ref.id());
            out.add(new AttendeeView(ref.id(), ref.name(), a.response(), a.leaveReason(), a.present(), ref.inOffice()));
        });
        return out;
    }

    /**
     * 应到 / 实到 / 请假 / 缺席 and the quorum. A session counts against every deputy in office of the congress; a
     * presidium meeting against the presidium of its term (or those invited while none is kept); other meetings
     * against those invited.
     */
    Attendance attendance(MeetingStore.Row m, List<AttendeeView> attendees) {
        Set<Long> base;
        if (m.kind() == MeetingKind.SESSION) {
            base = memberIds(m.orgId());
        } else if (m.kind() == MeetingKind.PRESIDIUM && !presidiumOf(m).isEmpty()) {
            base = new HashSet<>(presidiumOf(m).stream().map(MeetingStore.MemberRow::deputyId).toList());
        } else {
            base = new HashSet<>(attendees.stream().map(AttendeeView::deputyId).toList());
        }
        int expected = base.size();
        int present = (int) attendees.stream().filter(a -> a.present() && base.contains(a.deputyId())).count();
        int leave = (int) attendees.stream().filter(a -> !a.present() && a.response() == Response.LEAVE
                && base.contains(a.deputyId())).count();
        int confirmed = (int) attendees.stream().filter(a -> a.response() == Response.CONFIRMED).count();
        int pending = (int) attendees.stream().filter(a -> a.response() == Response.PENDING).count();
        Share quorum = m.kind().quorum();
        Share majority = m.kind().majority();
        return new Attendance(expected, present, Math.max(0, expected - present - leave), leave, confirmed, pending,
                quorum == null ? 0 : quorum.needed(expected), quorum == null || quorum.reached(present, expected),
                majority == null ? 0 : majority.needed(expected));
    }

    List<AgendaItemView> agenda(long meetingId) {
        return store.agenda(meetingId).stream().map(MeetingDesk::agendaView).toList();
    }

    List<MaterialView> materials(long meetingId) {
        return store.materials(meetingId).stream().map(r -> new MaterialView(r.id(), r.title(), r.fileName(),
                r.contentType(), r.sizeBytes())).toList();
    }

    private static AgendaItemView agendaView(MeetingStore.AgendaRow a) {
        return new AgendaItemView(a.id(), a.seq(), a.title(), a.heldOn(), a.atTime(), a.presenter());
    }

    MeetingView view(MeetingStore.Row r) {
        return view(r, orgNames(List.of(r)));
    }

    private Map<Long, String> orgNames(List<MeetingStore.Row> rows) {
        Map<Long, String> names = new java.util.HashMap<>();
        orgs.findAll(rows.stream().map(MeetingStore.Row::orgId).distinct().toList())
                .forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    private static MeetingView view(MeetingStore.Row r, Map<Long, String> names) {
        return new MeetingView(r.id(), r.orgId(), names.getOrDefault(r.orgId(), ""), r.kind(), r.title(), r.termNo(),
                r.sessionNo(), r.startsOn(), r.endsOn(), r.startsAt(), r.place(), r.state(), r.minutes(), r.version());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
