package org.renda.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.Sheet;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.WeakDeputy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assessments over JSON: periods, results with their breakdown, and scoring sheets; the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "考核 Assessments")
@SecurityRequirement(name = "bearer")
class AssessmentApi {

    private final SchemeBook schemes;
    private final AssessmentDesk desk;
    private final ScoringSheets sheets;

    AssessmentApi(SchemeBook schemes, AssessmentDesk desk, ScoringSheets sheets) {
        this.schemes = schemes;
        this.desk = desk;
        this.sheets = sheets;
    }

    @GetMapping("/schemes/{id}")
    @Operation(summary = "A scheme version with its definition (areas, sources, indicators, tiers, rules) and what keeps it from approval")
    SchemeBook.SchemeDetail scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    /** A draft's new name and definition; {@code version} is the row version read with it. */
    record SchemeBody(@NotNull Integer version, @jakarta.validation.constraints.NotBlank String name,
            @NotNull @Valid org.renda.assessment.engine.Scheme definition) {}

    @PutMapping("/schemes/{id}")
    @Operation(summary = "Replace a draft's definition (areas, sources, indicators, tiers, rules); 422 once approved")
    SchemeBook.SchemeDetail updateScheme(@PathVariable long id, @Valid @RequestBody SchemeBody body) {
        schemes.update(id, body.version(), body.name(), body.definition());
        return schemes.get(id);
    }

    @GetMapping("/periods")
    @Operation(summary = "The periods within the caller's reach")
    List<PeriodSummary> periods() {
        return desk.periods();
    }

    @GetMapping("/periods/{id}/results")
    @Operation(summary = "A closed period's ranking, best first: totals, breakdown per area, source and indicator, ranks, tiers, veto and demotion")
    List<Result> results(@PathVariable long id) {
        return desk.results(id);
    }

    @GetMapping("/periods/{id}/weakest-deputies")
    @Operation(summary = "The weakest deputies of a deputies' period: a suggestion for 摘牌 and an interview, never applied automatically")
    List<WeakDeputy> weakest(@PathVariable long id, @RequestParam(defaultValue = "5") int count) {
        return desk.weakestDeputies(id, Math.max(1, Math.min(count, 100)));
    }

    @GetMapping("/sheets")
    @Operation(summary = "The caller's scoring sheets in open periods")
    List<SheetSummary> mySheets() {
        return sheets.mine();
    }

    @GetMapping("/sheets/{id}")
    @Operation(summary = "One scoring sheet with a row per assigned indicator")
    Sheet sheet(@PathVariable long id) {
        return sheets.get(id);
    }

    /** The points of a sheet's rows by indicator code; {@code submit} submits it (every row must be scored). */
    record SheetBody(@NotNull Integer version, @NotNull Map<String, RowBody> rows, boolean submit) {}

    record RowBody(@Nullable BigDecimal points, @Nullable String note) {}

    @PutMapping("/sheets/{id}")
    @Operation(summary = "Save (and optionally submit) a scoring sheet; 422 with the reason when a score is out of range, a note is missing or the caller is conflicted")
    Sheet save(@PathVariable long id, @Valid @RequestBody SheetBody body) {
        Map<String, ScoringSheets.Entry> entries = new HashMap<>();
        body.rows().forEach((code, row) -> entries.put(code, new ScoringSheets.Entry(row.points(), row.note())));
        return sheets.save(id, body.version(), entries, body.submit());
    }
}
