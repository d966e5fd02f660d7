package org.renda.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.renda.shared.validation.YearNumber;
import org.renda.supervision.SupervisionDesk.SubjectForm;
import org.renda.supervision.SupervisionViews.RhythmGenerated;
import org.renda.supervision.SupervisionViews.SupervisionIndex;
import org.renda.supervision.SupervisionViews.SupervisedSubjectDetail;
import org.renda.supervision.SupervisionViews.SupervisedSubject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervision over JSON, with the same scope rules as the pages (a subject outside the caller's reach answers 404). */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "监督 Supervision")
@SecurityRequirement(name = "bearer")
class SupervisionApi {

    private final SupervisionDesk desk;
    private final SupervisionRhythm rhythm;

    SupervisionApi(SupervisionDesk desk, SupervisionRhythm rhythm) {
        this.desk = desk;
        this.rhythm = rhythm;
    }

    @GetMapping("/subjects")
    @Operation(summary = "The year's subjects in the caller's reach with their figures, and the topics per town")
    SupervisionIndex list(@RequestParam @YearNumber int year) {
        return desk.index(year);
    }

    @GetMapping("/subjects/{subjectId}")
    @Operation(summary = "A subject with its group, activities, findings, figures and year-end vote")
    SupervisedSubjectDetail get(@PathVariable long subjectId) {
        return desk.detail(subjectId);
    }

    @PostMapping("/subjects")
    @Operation(summary = "Create a subject (key project, livelihood matter or special topic)")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<SupervisedSubject> create(@Valid @RequestBody SubjectForm body) {
        SupervisedSubject v = desk.create(body);
        return ResponseEntity.created(URI.create("/api/v1/supervision/subjects/" + v.id())).body(v);
    }

    @PostMapping("/subjects/{subjectId}/rhythm")
    @Operation(summary = "Generate the subject's year from the FIVE_ONES template (idempotent)")
    RhythmGenerated generate(@PathVariable long subjectId) {
        return rhythm.generate(subjectId, RhythmTemplate.FIVE_ONES.code());
    }
}
