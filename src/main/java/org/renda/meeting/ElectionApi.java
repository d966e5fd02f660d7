package org.renda.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.ElectionDesk.ElectionAnnounceForm;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionCounted;
import org.renda.meeting.ElectionDesk.ElectionForm;
import org.renda.meeting.ElectionDesk.OathForm;
import org.renda.meeting.ElectionDesk.QualificationCheck;
import org.renda.meeting.ElectionDesk.QualificationReviewForm;
import org.renda.meeting.ElectionDesk.ElectionRoundForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionViews.ElectionSummary;
import org.renda.meeting.ElectionViews.ElectionView;
import org.renda.meeting.ElectionViews.ElectionFigures;
import org.renda.shared.validation.YearNumber;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Elections over JSON with the pages' rules: steps in order (a step out of order answers 422 and saves nothing),
 * organisation scope (a foreign election answers 404), counts only.
 */
@RestController
@RequestMapping("/api/v1/meetings/elections")
@Tag(name = "选举 Elections")
@SecurityRequirement(name = "bearer")
class ElectionApi {

    private final ElectionDesk desk;

    ElectionApi(ElectionDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    @Operation(summary = "Elections and by-elections in the caller's reach, newest first")
    List<ElectionSummary> list(@RequestParam(required = false) @Nullable ElectionKind kind) {
        return desk.list(kind);
    }

    @PostMapping
    @Operation(summary = "Open an election at a session, or a by-election of a deputy with its vacancy")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<ElectionView> create(@Valid @RequestBody ElectionForm body) {
        ElectionView created = desk.create(body);
        return ResponseEntity.created(URI.create("/api/v1/meetings/elections/" + created.id())).body(created);
    }

    @GetMapping("/figures")
    @Operation(summary = "By-elections per organisation in a term (with the sum), elections per session")
    ElectionFigures figures(@RequestParam(required = false) @Nullable @YearNumber Integer termStart) {
        return desk.figures(termStart);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One election: its checklist of steps with dates, candidates, counted rounds and review")
    ElectionView get(@PathVariable long id) {
        return desk.get(id);
    }

    @GetMapping("/{id}/review-checks")
    @Operation(summary = "What the qualification review checks on the record, each with whether it is there")
    List<QualificationCheck> checks(@PathVariable long id) {
        return desk.reviewChecks(id);
    }

    @PostMapping("/{id}/candidates")
    @Operation(summary = "Add a candidate with who nominated them (before nomination closes)")
    ElectionView addCandidate(@PathVariable long id, @Valid @RequestBody CandidateForm body) {
        return desk.addCandidate(id, body);
    }

    @PostMapping("/{id}/steps")
    @Operation(summary = "Record the next step taken by hand (nomination closed, list published, candidates met the deputies)")
    ElectionView recordStep(@PathVariable long id, @Valid @RequestBody ElectionStepForm body) {
        return desk.recordStep(id, body);
    }

    @PostMapping("/{id}/rounds")
    @Operation(summary = "Enter a counted round (tellers and scrutineers named); a void round is kept with its reason")
    ElectionCounted recordRound(@PathVariable long id, @Valid @RequestBody ElectionRoundForm body) {
        return desk.recordRound(id, body);
    }

    @PostMapping("/{id}/announce")
    @Operation(summary = "The presiding officer announces a session election's result")
    ElectionView announce(@PathVariable long id, @Valid @RequestBody ElectionAnnounceForm body) {
        return desk.announce(id, body);
    }

    @PostMapping("/{id}/candidates/{candidateId}/oath")
    @Operation(summary = "Record an elected person's constitutional oath (date, administered by, place)")
    ElectionView oath(@PathVariable long id, @PathVariable long candidateId, @Valid @RequestBody OathForm body) {
        return desk.recordOath(id, candidateId, body);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "The qualification review of a by-election: confirmed adds the seat to the deputy register")
    ElectionView review(@PathVariable long id, @Valid @RequestBody QualificationReviewForm body) {
        return desk.review(id, body);
    }
}
