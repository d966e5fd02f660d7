package org.renda.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseViews.Assignment;
import org.renda.casework.CaseViews.Attachment;
import org.renda.casework.CaseViews.CaseView;
import org.renda.casework.CaseViews.Step;
import org.renda.org.OrgType;
import org.renda.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff and handling units' casework over JSON, for scripts and partner systems: read a case, the units it may
 * be assigned to, and take the steps of the flow (triage, assign, sign for, return, reply, close). The same scope as
 * the pages (a case outside the caller's reach answers 404), the same audit, the same flow table. Every step sends
 * the {@code version} it read: a case changed since answers 409, and so does a step the case's state does not allow
 * now; a business rule (a unit that cannot handle, a co-unit replying) answers 422.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "意见建议办理 Casework")
@SecurityRequirement(name = "bearer")
class CaseApi {

    private final CaseDesk desk;

    CaseApi(CaseDesk desk) {
        this.desk = desk;
    }

    /** A case as the API shows it: no submitter's phone beyond its masked form. */
    record CaseJson(long id, String receiptCode, long orgId, String orgName, Source source, Kind kind, String category,
            String title, String content, @Nullable String location, boolean anonymous, @Nullable String submitterName,
            String maskedPhone, CaseState state, @Nullable LocalDate dueOn, boolean overdue,
            @Nullable String keySupervisor, @Nullable Outcome outcome, @Nullable Rating rating, Instant createdAt,
            @Nullable Instant closedAt, int version, List<Assignment> assignments, List<Step> timeline,
            List<Attachment> attachments, Set<CaseAction> actions) {}

    record UnitJson(long id, String code, String name) {}

    record UnitGroupJson(OrgType kind, List<UnitJson> units) {}

    /** Triage, sign for, close: an optional note and the version read. */
    record StepBody(@Nullable @Size(max = 5000) String note, @NotNull Integer version) {}

    record AssignBody(@NotNull Long leadUnitId, @Nullable List<Long> coUnitIds, @Nullable Boolean complex,
            @Nullable @Size(max = 5000) String note, @NotNull Integer version) {}

    record ReturnBody(@NotBlank @Size(max = 5000) String reason, @NotNull Integer version) {}

    record ReplyBody(@NotBlank @Size(max = 5000) String text, @NotNull Outcome outcome, @NotNull Integer version) {}

    @GetMapping("/{id}")
    @Operation(summary = "One case with its assignments, timeline, files and the steps the caller may take now")
    CaseJson get(@PathVariable long id) {
        return json(desk.view(id));
    }

    @GetMapping("/{id}/units")
    @Operation(summary = "The units the case may be assigned to, grouped by kind (departments, units, towns, villages)")
    List<UnitGroupJson> units(@PathVariable long id) {
        return desk.unitChoices(id).stream().map(g -> new UnitGroupJson(g.type(),
                g.units().stream().map(u -> new UnitJson(u.id(), u.code(), u.name())).toList())).toList();
    }

    @PostMapping("/{id}/triage")
    @Operation(summary = "Accept a received case for handling (staff)")
    CaseJson triage(@PathVariable long id, @Valid @RequestBody StepBody body) {
        return step(id, CaseAction.TRIAGE, CaseDesk.StepInput.note(body.note()), body.version());
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign to a lead unit and co-handling units (staff); starts the reply deadline")
    CaseJson assign(@PathVariable long id, @Valid @RequestBody AssignBody body) {
        return step(id, CaseAction.ASSIGN, new CaseDesk.StepInput(body.note(), body.leadUnitId(),
                body.coUnitIds() == null ? List.of() : body.coUnitIds(), null, null, null, body.complex()),
                body.version());
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "Sign for an assigned case (handling unit)")
    CaseJson sign(@PathVariable long id, @Valid @RequestBody StepBody body) {
        return step(id, CaseAction.SIGN, CaseDesk.StepInput.note(body.note()), body.version());
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return a wrongly assigned case to the congress office with a reason (handling unit)")
    CaseJson giveBack(@PathVariable long id, @Valid @RequestBody ReturnBody body) {
        return step(id, CaseAction.RETURN, CaseDesk.StepInput.note(body.reason()), body.version());
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "Reply with the outcome (the lead unit); files go with the reply form on the page")
    CaseJson reply(@PathVariable long id, @Valid @RequestBody ReplyBody body) {
        return step(id, CaseAction.REPLY, new CaseDesk.StepInput(body.text(), null, List.of(), body.outcome(), null,
                null, null), body.version());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a replied case (staff)")
    CaseJson close(@PathVariable long id, @Valid @RequestBody StepBody body) {
        return step(id, CaseAction.CLOSE, CaseDesk.StepInput.note(body.note()), body.version());
    }

    private CaseJson step(long id, CaseAction action, CaseDesk.StepInput in, int version) {
        desk.view(id); // 404 outside the caller's reach, before anything about the case is said
        if (!desk.actionsFor(id).contains(action)) {
            throw new DomainException("case.error.stepNotOpen"); // 409: the case is not where this step starts
        }
        desk.act(id, action, in, version, List.of());
        return json(desk.view(id));
    }

    private CaseJson json(CaseView c) {
        return new CaseJson(c.id(), c.receiptCode(), c.orgId(), c.orgName(), c.source(), c.kind(), c.category(),
                c.title(), c.content(), c.location(), c.anonymous(), c.anonymous() ? null : c.submitterName(),
                c.maskedPhone(), c.state(), c.dueOn(), c.overdue(LocalDate.now()), c.keySupervisor(), c.outcome(),
                c.rating(), c.createdAt(), c.closedAt(), c.version(), c.assignments(), c.timeline(), c.attachments(),
                desk.actionsFor(c.id()));
    }
}
