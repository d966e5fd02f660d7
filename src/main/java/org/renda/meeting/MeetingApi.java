package org.renda.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingDesk.AgendaForm;
import org.renda.meeting.MeetingDesk.MeetingForm;
import org.renda.meeting.MeetingDesk.MotionForm;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.Response;
import org.renda.meeting.MeetingViews.AgendaItemView;
import org.renda.meeting.MeetingViews.Attendance;
import org.renda.meeting.MeetingViews.AttendeeView;
import org.renda.meeting.MeetingViews.MeetingPage;
import org.renda.meeting.MeetingViews.MeetingSummary;
import org.renda.meeting.MeetingViews.MeetingView;
import org.renda.meeting.MeetingViews.MotionView;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.meeting.Resolutions.ResolutionForm;
import org.renda.meeting.Resolutions.VoteForm;
import org.renda.shared.validation.YearNumber;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings over JSON, with the same scope and rules as the pages. */
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "会议 Meetings")
@SecurityRequirement(name = "bearer")
class MeetingApi {

    private final MeetingDesk desk;
    private final Resolutions resolutions;
    private final MeetingCounts counts;

    MeetingApi(MeetingDesk desk, Resolutions resolutions, MeetingCounts counts) {
        this.desk = desk;
        this.resolutions = resolutions;
        this.counts = counts;
    }

    @GetMapping
    @Operation(summary = "The meetings of a year in the caller's reach (and those the calling deputy is invited to)")
    List<MeetingSummary> list(@RequestParam(required = false) @Nullable @YearNumber Integer year) {
        return desk.list(year == null ? LocalDate.now().getYear() : year);
    }

    @PostMapping
    @Operation(summary = "Create a meeting (a session's title is written from its term and session when blank)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<MeetingView> create(@Valid @RequestBody MeetingForm body) {
        MeetingView m = desk.create(body);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.id())).body(m);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A meeting with its agenda, materials, attendance and quorum, motions, speeches and resolutions")
    MeetingPage get(@PathVariable long id) {
        return desk.page(id);
    }

    record StateChange(@NotNull MeetingState to) {}

    @PostMapping("/{id}/state")
    @Operation(summary = "Move the meeting to its next state: notify (invites and tells the deputies), open, close")
    MeetingView advance(@PathVariable long id, @Valid @RequestBody StateChange body) {
        return desk.advance(id, body.to());
    }

    @PostMapping("/{id}/agenda")
    @Operation(summary = "Add an agenda item, with its day, time and presenter when known")
    AgendaItemView agenda(@PathVariable long id, @Valid @RequestBody AgendaForm body) {
        return desk.addAgenda(id, body);
    }

    record Invitation(List<Long> deputyIds) {}

    record Invited(int added) {}

    @PostMapping("/{id}/invitations")
    @Operation(summary = "Invite deputies: a session every deputy in office, a presidium meeting its presidium, others those named")
    Invited invite(@PathVariable long id, @RequestBody Invitation body) {
        return new Invited(desk.invite(id, body.deputyIds() == null ? List.of() : body.deputyIds()));
    }

    record Answer(@NotNull Response response, @Nullable String reason) {}

    @PutMapping("/{id}/answer")
    @Operation(summary = "The calling deputy confirms attendance or asks leave with a reason")
    AttendeeView answer(@PathVariable long id, @Valid @RequestBody Answer body) {
        return desk.respond(id, body.response(), body.reason());
    }

    record Presence(List<Long> deputyIds) {}

    @PutMapping("/{id}/presence")
    @Operation(summary = "Record who is present (check-in at the door); answers attendance and quorum")
    Attendance presence(@PathVariable long id, @RequestBody Presence body) {
        return desk.checkIn(id, body.deputyIds() == null ? List.of() : body.deputyIds());
    }

    @PostMapping("/{id}/motions")
    @Operation(summary = "Register a deputy's motion or suggestion; it becomes a tracked case with the session as source")
    MotionView motion(@PathVariable long id, @Valid @RequestBody MotionForm body) {
        return desk.raiseMotion(id, body);
    }

    @PostMapping("/{id}/resolutions")
    @Operation(summary = "Draft a resolution or decision")
    ResolutionView resolution(@PathVariable long id, @Valid @RequestBody ResolutionForm body) {
        return resolutions.draft(id, body);
    }

    @PutMapping("/resolutions/{resolutionId}/vote")
    @Operation(summary = "Record an open vote (refused without quorum); passed when 'for' exceeds half of all deputies in office")
    ResolutionView vote(@PathVariable long resolutionId, @Valid @RequestBody VoteForm body) {
        return resolutions.recordVote(resolutionId, body);
    }

    record Announcement(int version) {}

    @PostMapping("/resolutions/{resolutionId}/announce")
    @Operation(summary = "The presiding member announces the result (MEETING_PRESIDE)")
    ResolutionView announce(@PathVariable long resolutionId, @RequestBody Announcement body) {
        return resolutions.announce(resolutionId, body.version());
    }

    @GetMapping("/counts")
    @Operation(summary = "Sessions held this year per town in reach against the statutory minimum")
    List<MeetingCounts.OrgCount> counts(@RequestParam(required = false) @Nullable @YearNumber Integer year) {
        return counts.sessions(year == null ? LocalDate.now().getYear() : year);
    }
}
