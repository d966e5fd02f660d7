package org.renda.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.renda.supervision.EightStepViews.ProcessSummary;
import org.renda.supervision.EightStepViews.ProcessView;
import org.renda.supervision.EightStepViews.TemplateView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The eight-step method over JSON: templates, processes and closing or reopening their steps. A step closed before
 * the step it depends on answers 422 with the Chinese reason, and nothing is saved. Evidence files go through the
 * pages.
 */
@RestController
@RequestMapping("/api/v1/supervision/steps")
@Tag(name = "八步工作法 Eight-step method")
@SecurityRequirement(name = "bearer")
class EightStepApi {

    private final EightStepDesk desk;

    EightStepApi(EightStepDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/templates")
    @Operation(summary = "The step methods the caller may use (the eight-step method, and those of their towns)")
    List<TemplateView> templates() {
        return desk.templates();
    }

    @PostMapping("/templates")
    @Operation(summary = "Define a step method for an organisation: ordered steps, each naming the step it waits for")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<TemplateView> defineTemplate(@Valid @RequestBody EightStepDesk.NewTemplate body) {
        TemplateView t = desk.defineTemplate(body);
        return ResponseEntity.created(URI.create("/api/v1/supervision/steps/templates")).body(t);
    }

    @GetMapping
    @Operation(summary = "The processes in the caller's reach, newest activity first, with their progress")
    List<ProcessSummary> list() {
        return desk.list();
    }

    @PostMapping
    @Operation(summary = "Start a process for a deputy activity from a template")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<ProcessView> start(@Valid @RequestBody EightStepDesk.NewProcess body) {
        ProcessView p = desk.start(body);
        return ResponseEntity.created(URI.create("/api/v1/supervision/steps/" + p.id())).body(p);
    }

    @GetMapping("/{processId}")
    @Operation(summary = "A process with its steps: status (done, current, waiting), date, evidence, who closed it")
    ProcessView get(@PathVariable long processId) {
        return desk.process(processId);
    }

    @PostMapping("/stages/{stageId}/close")
    @Operation(summary = "Close a step with its date and evidence; refused (422) before the step it depends on is closed")
    ProcessView close(@PathVariable long stageId, @Valid @RequestBody EightStepDesk.CloseForm body) {
        return desk.close(stageId, body, List.of());
    }

    @PostMapping("/stages/{stageId}/reopen")
    @Operation(summary = "Reopen a closed step; refused (422) while a later step is closed")
    ProcessView reopen(@PathVariable long stageId) {
        return desk.reopen(stageId);
    }
}
