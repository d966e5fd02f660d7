package org.renda.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.compliance.ComplianceDesk.RatingForm;
import org.renda.compliance.ComplianceViews.AssessmentPage;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.compliance.ComplianceViews.Summary;
import org.renda.shared.validation.YearNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regulation compliance over JSON, with the same scope rules as the pages. */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "条例落实 Regulation compliance")
@SecurityRequirement(name = "bearer")
class ComplianceApi {

    private final ComplianceDesk desk;
    private final ComplianceFigures figures;

    ComplianceApi(ComplianceDesk desk, ComplianceFigures figures) {
        this.desk = desk;
        this.figures = figures;
    }

    @GetMapping("/{orgId}/summary")
    @Operation(summary = "Per town (street) of the organisation's subtree: items fully, partly, not implemented and not"
            + " yet rated, what is missing, and the totals of the year")
    Summary summary(@PathVariable long orgId, @RequestParam @YearNumber int year) {
        return figures.summary(orgId, year);
    }

    @PostMapping("/{orgId}/assessments")
    @Operation(summary = "Open the town's self-assessment of the year against the checklist that applies to it"
            + " (freezes that checklist version)")
    AssessmentView open(@PathVariable long orgId, @RequestParam @YearNumber int year) {
        return desk.open(orgId, year);
    }

    @GetMapping("/assessments/{assessmentId}")
    @Operation(summary = "A self-assessment with every item's rating, files and the evidence counted from Renda")
    AssessmentPage assessment(@PathVariable long assessmentId) {
        return desk.page(assessmentId);
    }

    @PutMapping("/ratings/{ratingId}")
    @Operation(summary = "Rate one item: FULL (全面落实), PARTIAL (部分落实) or NONE (未落实), with a comment and a link"
            + " to a page of Renda")
    RatingView rate(@PathVariable long ratingId, @Valid @RequestBody RatingForm body) {
        return desk.rate(ratingId, body);
    }

    @PostMapping("/assessments/{assessmentId}/submit")
    @Operation(summary = "Send the assessment to the county: every item rated, those not fully implemented explained")
    AssessmentView submit(@PathVariable long assessmentId) {
        return desk.submit(assessmentId);
    }

    /** The county's review: accept, or return with a comment and notes per rating id. */
    record ReviewJson(@NotNull @Schema(description = "true accepts, false returns to the town") Boolean accept,
            @Nullable @Size(max = 2000) String comment, @Nullable Map<Long, String> notes) {}

    @PostMapping("/assessments/{assessmentId}/review")
    @Operation(summary = "The county's review (COMPLIANCE_REVIEW on the town's parent): accept, or return with a"
            + " comment and a note per item (rating id → note)")
    AssessmentView review(@PathVariable long assessmentId, @Valid @RequestBody ReviewJson body) {
        if (Boolean.TRUE.equals(body.accept())) {
            return desk.accept(assessmentId, body.comment());
        }
        return desk.returnToTown(assessmentId, body.comment(), body.notes() == null ? Map.of() : body.notes());
    }
}
