package org.renda.station;

import org.renda.shared.validation.YearNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Kind;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.Figures;
import org.renda.station.StationViews.ItemView;
import org.renda.station.StationViews.Named;
import org.renda.station.StationViews.RecordView;
import org.renda.station.StationViews.StationDeputy;
import org.renda.station.StationViews.StationView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Liaison stations over JSON, with the same scope rules as the pages; phone numbers only masked. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "联络站 Liaison stations")
@SecurityRequirement(name = "bearer")
class StationApi {

    private final StationNetwork network;
    private final ReceptionRoster roster;
    private final ReceptionLedger ledger;

    StationApi(StationNetwork network, ReceptionRoster roster, ReceptionLedger ledger) {
        this.network = network;
        this.roster = roster;
        this.ledger = ledger;
    }

    @GetMapping("/stations")
    @Operation(summary = "The stations in the caller's reach")
    List<StationView> list() {
        return network.list();
    }

    record StaffJson(String name, StationEnums.StaffRole role, @Nullable String title, String maskedPhone) {}

    record StationJson(StationView station, List<StaffJson> staff, List<StationDeputy> deputies,
            @Nullable ReceptionRule rule) {}

    @GetMapping("/stations/{id}")
    @Operation(summary = "A station with its staff (phones masked), deputies and reception rule")
    StationJson get(@PathVariable long id) {
        return new StationJson(network.get(id), network.staff(id).stream()
                .map(s -> new StaffJson(s.name(), s.role(), s.title(), s.maskedPhone())).toList(),
                network.deputies(id), roster.rule(id).orElse(null));
    }

    @PutMapping("/stations/{id}/rule")
    @Operation(summary = "Set the station's reception-day rule")
    ReceptionRule saveRule(@PathVariable long id, @Valid @RequestBody ReceptionRule rule) {
        roster.saveRule(id, rule);
        return roster.rule(id).orElseThrow();
    }

    @PostMapping("/stations/{id}/roster")
    @Operation(summary = "Generate (or regenerate from today) a year's reception days from the rule")
    ReceptionRoster.Generated generate(@PathVariable long id, @RequestParam @YearNumber int year) {
        return roster.generate(id, year, LocalDate.now());
    }

    @GetMapping("/stations/{id}/days")
    @Operation(summary = "A year's reception days with their deputies and whether each confirmed")
    List<DayView> days(@PathVariable long id, @RequestParam @YearNumber int year) {
        return roster.days(id, year);
    }

    /** A reception or visit record as lists and exports show it: the visitor's phone masked. */
    record RecordJson(long id, long stationId, @Nullable Long dayId, RecordKind kind, LocalDate occurredOn, String place,
            int visitors, String visitor, boolean anonymous, String summary, List<Named> deputies,
            List<ItemView> items) {

        static RecordJson of(RecordView r) {
            return new RecordJson(r.id(), r.stationId(), r.dayId(), r.kind(), r.occurredOn(), r.place(), r.visitors(),
                    r.visitorLabel(), r.anonymous(), r.summary(), r.deputies(), r.items());
        }
    }

    @PostMapping("/stations/{id}/records")
    @Operation(summary = "Record a reception or a visit; every deputy present gets it in their duty archive")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<RecordJson> record(@PathVariable long id, @Valid @RequestBody ReceptionLedger.RecordForm body) {
        RecordView saved = ledger.record(id, body);
        return ResponseEntity.created(URI.create("/api/v1/stations/records/" + saved.id())).body(RecordJson.of(saved));
    }

    @GetMapping("/stations/records/{recordId}")
    @Operation(summary = "One reception or visit record")
    RecordJson recordOf(@PathVariable long recordId) {
        return RecordJson.of(ledger.get(recordId));
    }

    @GetMapping("/stations/{id}/ledger")
    @Operation(summary = "The station's ledger in a period, oldest first")
    List<RecordJson> ledger(@PathVariable long id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return ledger.records(id, from, to).stream().map(RecordJson::of).toList();
    }

    record CaseRequest(long sponsorDeputyId, @Nullable Kind kind) {}

    @PostMapping("/stations/items/{itemId}/case")
    @Operation(summary = "Turn a matter raised into a tracked case with a deputy present as its sponsor (once)")
    ItemView toCase(@PathVariable long itemId, @RequestBody CaseRequest body) {
        return ledger.toCase(itemId, body.sponsorDeputyId(), body.kind());
    }

    @GetMapping("/stations/{id}/figures")
    @Operation(summary = "Receptions held, voters received, opinions collected and resolved in a period")
    Figures figures(@PathVariable long id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return ledger.figures(id, from, to);
    }
}
