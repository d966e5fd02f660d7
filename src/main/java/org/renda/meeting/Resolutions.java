package org.renda.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.renda.audit.AuditTrail;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingEnums.ResolutionState;
import org.renda.meeting.MeetingEnums.Share;
import org.renda.meeting.MeetingViews.Attendance;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Resolutions and decisions (决议/决定) with open votes: staff record the counts (for, against, abstain, not voting)
 * once the quorum is present; a resolution of a session passes when "for" is more than half of all deputies in office,
 * not of those present; the presiding member announces the result.
 */
@Service
@Transactional
@Validated
public class Resolutions {

    static final String AUDIT_TYPE = "meeting_resolution";

    private final MeetingStore store;
    private final MeetingDesk desk;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    Resolutions(MeetingStore store, MeetingDesk desk, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.desk = desk;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record ResolutionForm(@NotNull ResolutionKind kind, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body) {}

    /** An open vote as counted in the hall; the four counts add up to the deputies present. */
    public record VoteForm(@NotNull @Min(0) @Max(100000) Integer votesFor, @NotNull @Min(0) @Max(100000) Integer votesAgainst,
            @NotNull @Min(0) @Max(100000) Integer votesAbstain, @NotNull @Min(0) @Max(100000) Integer notVoting,
            @NotNull Integer version) {}

    public ResolutionView draft(long meetingId, @Valid ResolutionForm f) {
        MeetingStore.Row m = desk.writable(meetingId);
        if (!m.kind().votes()) {
            throw new DomainException("meeting.resolution.error.noVotes");
        }
        if (m.state() == MeetingState.CLOSED) {
            throw new DomainException("meeting.error.closed");
        }
        long id = store.addResolution(meetingId, m.orgId(), f.kind(), f.title().strip(), f.body().strip());
        ResolutionView v = view(id);
        audit.record(m.orgId(), AUDIT_TYPE, id, "CREATED", null, Map.of("meeting", m.title(), "title", v.title()));
        return v;
    }

    /**
     * Records the open vote. Refused without the quorum present (a vote cannot be recorded then), outside the session,
     * once announced, or when the counts do not add up to those present. Passed is decided against the base: every
     * deputy in office of the congress (a presidium meeting: its members).
     */
    public ResolutionView recordVote(long resolutionId, @Valid VoteForm f) {
        MeetingStore.ResolutionRow r = row(resolutionId);
        MeetingStore.Row m = desk.writable(r.meetingId());
        if (m.state() != MeetingState.IN_SESSION) {
            throw new DomainException("meeting.error.notInSession");
        }
        if (r.state() == ResolutionState.ANNOUNCED) {
            throw new DomainException("meeting.resolution.error.announced");
        }
        Attendance a = desk.attendance(m, desk.attendeeViews(m));
        if (!a.quorumReached()) {
            throw new DomainException("meeting.resolution.error.quorum", a.present(), a.expected(), a.quorumNeeded());
        }
        int sum = f.votesFor() + f.votesAgainst() + f.votesAbstain() + f.notVoting();
        if (sum != a.present()) {
            throw DomainException.onField("votesFor", "meeting.resolution.error.sum", sum, a.present());
        }
        Share majority = m.kind().majority();
        boolean passed = majority != null && majority.reached(f.votesFor(), a.expected());
        MeetingStore.Counts counts = new MeetingStore.Counts(f.votesFor(), f.votesAgainst(), f.votesAbstain(),
                f.notVoting(), a.present(), a.expected(), passed);
        store.recordVote(resolutionId, f.version(), counts, currentActor.auditName());
        ResolutionView after = view(resolutionId);
        audit.record(m.orgId(), AUDIT_TYPE, resolutionId, "VOTE_RECORDED", r.votesFor() == null ? null
                : Map.of("for", r.votesFor(), "against", r.votesAgainst(), "abstain", r.votesAbstain(),
                        "notVoting", r.notVoting()), counts);
        return after;
    }

    /** The presiding member announces the result (MEETING_PRESIDE); the counts are then final. */
    public ResolutionView announce(long resolutionId, int version) {
        MeetingStore.ResolutionRow r = row(resolutionId);
        MeetingStore.Row m = desk.readable(r.meetingId());
        if (!currentActor.require().can(Permission.MEETING_PRESIDE, m.orgId())) {
            throw new DomainException("meeting.resolution.error.preside");
        }
        if (r.state() != ResolutionState.VOTED) {
            throw new DomainException("meeting.resolution.error.notVoted");
        }
        store.announce(resolutionId, version, currentActor.auditName());
        ResolutionView after = view(resolutionId);
        audit.record(m.orgId(), AUDIT_TYPE, resolutionId, "ANNOUNCED", Map.of("state", r.state().name()),
                Map.of("state", after.state().name(), "passed", Boolean.TRUE.equals(after.passed())));
        return after;
    }

    @Transactional(readOnly = true)
    public ResolutionView get(long resolutionId) {
        MeetingStore.ResolutionRow r = row(resolutionId);
        desk.readable(r.meetingId());
        return views(List.of(r)).get(0);
    }

    /** The meeting a resolution belongs to (for pages that return to it), checked like the resolution. */
    @Transactional(readOnly = true)
    public long meetingOf(long resolutionId) {
        return desk.readable(row(resolutionId).meetingId()).id();
    }

    private MeetingStore.ResolutionRow row(long id) {
        return store.resolution(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private ResolutionView view(long id) {
        return views(List.of(store.resolution(id).orElseThrow())).get(0);
    }

    static List<ResolutionView> views(List<MeetingStore.ResolutionRow> rows) {
        return rows.stream().map(r -> new ResolutionView(r.id(), r.meetingId(), r.seq(), r.kind(), r.title(), r.body(),
                r.state(), r.votesFor(), r.votesAgainst(), r.votesAbstain(), r.notVoting(), r.present(), r.base(),
                r.passed(), r.announcedBy(), r.version())).toList();
    }
}
