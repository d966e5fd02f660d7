package org.renda.deputy;

import org.renda.shared.validation.YearNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyViews.DutyRecordView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register and the duty archive over JSON, with the same scope rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "代表 Deputies")
@SecurityRequirement(name = "bearer")
class DeputyApi {

    private final DeputyRegister register;
    private final DutyLog duties;

    DeputyApi(DeputyRegister register, DutyLog duties) {
        this.register = register;
        this.duties = duties;
    }

    @GetMapping("/deputies")
    @Operation(summary = "A page of the register (phones masked), filtered by name, level, term, group, status, organisation")
    DeputyRegister.Page list(@RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable DeputyLevel level,
            @RequestParam(required = false) @Nullable Integer term,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable MandateStatus status,
            @RequestParam(required = false) @Nullable Long orgId,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return register.list(new DeputyRegister.Query(text, level, term, group, status, orgId, false), page, size);
    }

    /** A deputy's file without the ID number; the phone only masked. */
    record DeputyJson(long id, long orgId, String name, @Nullable String gender, @Nullable String occupation,
            String maskedPhone, boolean nameplateActive, List<DeputyViews.MandateView> seats) {}

    @GetMapping("/deputies/{id}")
    @Operation(summary = "One deputy with seats and their status history")
    DeputyJson get(@PathVariable long id) {
        var d = register.profile(id);
        return new DeputyJson(d.id(), d.orgId(), d.name(), d.gender(), d.occupation(), d.maskedPhone(),
                d.nameplateActive(), d.mandates());
    }

    record ArchiveJson(long deputyId, LocalDate from, LocalDate to, Map<DutyType, Integer> counts, int total,
            List<DutyRecordView> diary) {}

    @GetMapping("/deputies/{id}/archive")
    @Operation(summary = "A deputy's archive for a year: verified counts per type and the diary")
    ArchiveJson archive(@PathVariable long id, @RequestParam @YearNumber int year) {
        var a = duties.archive(id, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return new ArchiveJson(id, a.from(), a.to(), a.counts(), a.total(), a.diary());
    }

    @PostMapping("/deputies/{id}/duties")
    @Operation(summary = "Record a duty: the deputy's own (submitted for review) or by staff (verified)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<DutyRecordView> record(@PathVariable long id, @Valid @RequestBody DutyLog.DutyForm body) {
        DutyRecordView saved = duties.record(id, body, List.of());
        return ResponseEntity.created(URI.create("/api/v1/duties/" + saved.id())).body(saved);
    }

    @GetMapping("/duties/{id}")
    @Operation(summary = "One duty record")
    DutyRecordView duty(@PathVariable long id) {
        return duties.get(id);
    }
}
