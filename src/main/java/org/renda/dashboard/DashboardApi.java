package org.renda.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgView;
import org.renda.shared.validation.YearNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures over JSON: the same numbers as the page and its workbook, within the caller's reach. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "工作看板 Dashboard")
@SecurityRequirement(name = "bearer")
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    @Operation(summary = "A year's figures of an organisation's subtree: cases by town and month (collected, closed, "
            + "closure rate, overdue, satisfaction), duty records by type and town, reception days held against "
            + "planned, appraisal votes and assessment periods; sections the caller may not read are null")
    @ApiResponse(responseCode = "200", description = "The figures", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "The organisation is missing or outside the caller's reach, or "
            + "the caller reads none of casework, stations, appraisals and assessments", content = @Content(
                    mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    DashboardFigures figures(
            @Parameter(description = "the year (default: this year)") @RequestParam(required = false) @YearNumber
            @Nullable Integer year,
            @Parameter(description = "the organisation (default: the caller's own)") @RequestParam(required = false)
            @Nullable Long org) {
        OrgView place = dashboard.place(org);
        return dashboard.figures(place, year == null ? LocalDate.now().getYear() : year, LocalDate.now());
    }
}
