package org.renda.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.supervision.OfficialReportViews.PlanSummary;
import org.renda.supervision.OfficialReportViews.PlanView;
import org.renda.supervision.OfficialReportViews.TermFigures;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Officials' duty reports (述职评议) over JSON: plans per term, sittings, reports, questions, the vote, figures. */
@RestController
@RequestMapping("/api/v1/supervision/official-reports")
@Tag(name = "述职评议 Officials' duty reports")
@SecurityRequirement(name = "bearer")
@Validated
class OfficialReportApi {

    private final OfficialReportDesk desk;

    OfficialReportApi(OfficialReportDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    @Operation(summary = "The plans in the caller's reach with each term's figures")
    List<PlanSummary> plans() {
        return desk.plans();
    }

    @PostMapping
    @Operation(summary = "Create an organisation's plan for a term")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<PlanView> create(@Valid @RequestBody OfficialReportDesk.NewPlan body) {
        PlanView p = desk.createPlan(body);
        return ResponseEntity.created(URI.create("/api/v1/supervision/official-reports/" + p.id())).body(p);
    }

    @GetMapping("/figures")
    @Operation(summary = "A term's figures over an organisation's subtree: per organisation and the total (a county: the sum of its towns)")
    @ApiResponse(responseCode = "200", description = "The figures", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "The organisation is missing or outside the caller's reach",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    TermFigures figures(@RequestParam long orgId, @RequestParam @Min(1) @Max(99) int termNo) {
        return desk.termFigures(orgId, termNo);
    }

    @GetMapping("/{planId}")
    @Operation(summary = "A plan with its sittings, officials, questions, results and figures")
    PlanView get(@PathVariable long planId) {
        return desk.plan(planId);
    }

    @PostMapping("/{planId}/sittings")
    @Operation(summary = "Add a congress sitting at which officials report")
    PlanView addSitting(@PathVariable long planId, @Valid @RequestBody OfficialReportDesk.SittingForm body) {
        return desk.addSitting(planId, body);
    }

    @PostMapping("/{planId}/officials")
    @Operation(summary = "Add an official due to report this term (optionally on a sitting of the plan)")
    PlanView addOfficial(@PathVariable long planId, @Valid @RequestBody OfficialReportDesk.OfficialForm body) {
        return desk.addOfficial(planId, body);
    }

    record ScheduleBody(long sittingId) {}

    @PostMapping("/officials/{officialId}/schedule")
    @Operation(summary = "Put an official on a sitting of the plan (or move them) before they report")
    PlanView schedule(@PathVariable long officialId, @RequestBody ScheduleBody body) {
        return desk.schedule(officialId, body.sittingId());
    }

    @PostMapping("/officials/{officialId}/report")
    @Operation(summary = "Record that the official reported; version is the official's as read")
    PlanView report(@PathVariable long officialId, @Valid @RequestBody OfficialReportDesk.ReportForm body) {
        return desk.report(officialId, body);
    }

    @PostMapping("/officials/{officialId}/questions")
    @Operation(summary = "A deputy's question to the official, with the answer if given at once")
    PlanView ask(@PathVariable long officialId, @Valid @RequestBody OfficialReportDesk.QuestionForm body) {
        return desk.ask(officialId, body);
    }

    record AnswerBody(@NotBlank @Size(max = 4000) String answer) {}

    @PostMapping("/questions/{questionId}/answer")
    @Operation(summary = "The official's answer to a question")
    PlanView answer(@PathVariable long questionId, @Valid @RequestBody AnswerBody body) {
        return desk.answer(questionId, body.answer());
    }

    @PostMapping("/sittings/{sittingId}/vote")
    @Operation(summary = "Create the sitting's secret satisfaction vote (the appraisal module's), the officials who reported as its subjects")
    @ApiResponse(responseCode = "201", description = "Created; Location names the vote", useReturnTypeSchema = true)
    ResponseEntity<VoteSummary> vote(@PathVariable long sittingId, @Valid @RequestBody OfficialReportDesk.VoteForm body) {
        VoteSummary v = desk.createVote(sittingId, body);
        return ResponseEntity.created(URI.create("/api/v1/votes/" + v.id())).body(v);
    }

    @PostMapping("/sittings/{sittingId}/results")
    @Operation(summary = "Take the closed vote's results into the officials' reports (marks them voted)")
    PlanView results(@PathVariable long sittingId) {
        return desk.takeResults(sittingId);
    }
}
