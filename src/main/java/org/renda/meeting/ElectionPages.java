package org.renda.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyLevel;
import org.renda.meeting.ElectionDesk.ElectionAnnounceForm;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionCounted;
import org.renda.meeting.ElectionDesk.ElectionForm;
import org.renda.meeting.ElectionDesk.QualificationReviewForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.ReviewOutcome;
import org.renda.meeting.ElectionViews.CandidateView;
import org.renda.meeting.ElectionViews.ElectionView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.validation.YearNumber;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The election pages under /meetings/elections: the list, a new election, one election with its checklist of steps
 * and the form for the next one, the figures and the Excel export. Phone first: one column, the next step on top.
 */
@Controller
class ElectionPages {

    static final String BASE = "/meetings/elections";

    private final ElectionDesk desk;
    private final ElectionExport export;
    private final CurrentActor currentActor;
    private final Feedback feedback;
    private final MeetingDesk meetings;

    ElectionPages(ElectionDesk desk, ElectionExport export, CurrentActor currentActor, Feedback feedback,
            MeetingDesk meetings) {
        this.meetings = meetings;
        this.desk = desk;
        this.export = export;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** The round as the page posts it: one row of counts per candidate, in the order the page lists them. */
    record RoundPage(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, @NotBlank @Size(max = 200) String tellers,
            @NotBlank @Size(max = 200) String scrutineers, @Nullable @Min(0) @Max(10_000_000) Integer ballotsIssued,
            @Nullable @Min(0) @Max(10_000_000) Integer ballotsReturned,
            @Nullable @Min(0) @Max(10_000_000) Integer ballotsValid,
            @Nullable @Min(0) @Max(10_000_000) Integer ballotsInvalid,
            @Nullable @Min(1) @Max(10_000_000) Integer registeredVoters,
            @Nullable @Min(0) @Max(10_000_000) Integer votesCast, @Nullable List<Long> candidateIds,
            @Nullable List<@Min(0) @Max(10_000_000) Integer> votesFor,
            @Nullable List<@Min(0) @Max(10_000_000) Integer> votesAgainst,
            @Nullable List<@Min(0) @Max(10_000_000) Integer> votesAbstain) {

        ElectionDesk.ElectionRoundForm form() {
            List<ElectionDesk.ElectionTallyForm> tallies = new ArrayList<>();
            List<Long> ids = candidateIds == null ? List.of() : candidateIds;
            for (int i = 0; i < ids.size(); i++) {
                tallies.add(new ElectionDesk.ElectionTallyForm(ids.get(i), at(votesFor, i) == null ? 0 : at(votesFor, i),
                        at(votesAgainst, i), at(votesAbstain, i)));
            }
            return new ElectionDesk.ElectionRoundForm(heldOn, tellers, scrutineers, ballotsIssued, ballotsReturned,
                    ballotsValid, ballotsInvalid, registeredVoters, votesCast, tallies);
        }

        private static @Nullable Integer at(@Nullable List<Integer> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) @Nullable ElectionKind kind, Model model) {
        model.addAttribute("elections", desk.list(kind));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ElectionKind.values());
        model.addAttribute("canCreate", currentActor.require().canAny(Permission.MEETING_WRITE));
        return "meeting/elections";
    }

    @GetMapping(BASE + "/figures")
    String figures(@RequestParam(required = false) @Nullable @YearNumber Integer termStart, Model model) {
        model.addAttribute("figures", desk.figures(termStart));
        return "meeting/election-figures";
    }

    @GetMapping(BASE + "/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) @Nullable @YearNumber Integer termStart) {
        ElectionExport.File f = export.byElections(termStart);
        return Downloads.xlsx(f.data(), f.filename());
    }

    @GetMapping(BASE + "/new")
    String newForm(@RequestParam(required = false) @Nullable ElectionKind kind,
            @RequestParam(required = false) @Nullable Long meetingId, Model model) {
        ElectionKind k = kind == null ? ElectionKind.BY_ELECTION : kind;
        if (meetingId != null) {
            // from a session's page: the election is held at that session (a meeting out of reach answers 404)
            MeetingViews.MeetingView m = meetings.page(meetingId).meeting();
            model.addAttribute("form", new ElectionForm(m.orgId(), k, "", m.id(), m.title(), null, null, null, null,
                    DeputyLevel.TOWN, null, null, null, 1, null));
            return newPage(model);
        }
        model.addAttribute("form", new ElectionForm(0, k, "", null, null, null, null, null, null, DeputyLevel.TOWN,
                null, null, null, 1, null));
        return newPage(model);
    }

    private String newPage(Model model) {
        var choices = desk.electionOrgs();
        if (choices.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("orgs", choices);
        model.addAttribute("kinds", ElectionKind.values());
        model.addAttribute("levels", DeputyLevel.values());
        return "meeting/election-new";
    }

    @PostMapping(BASE)
    String create(@Valid @ModelAttribute("form") ElectionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> newPage(model),
                () -> new Feedback.Next(BASE + "/" + desk.create(form).id(), "election.created"));
    }

    @GetMapping(BASE + "/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(id, model);
    }

    private String detailPage(long id, Model model) {
        ElectionView e = desk.get(id);
        LocalDate today = LocalDate.now();
        model.addAttribute("e", e);
        model.addAttribute("canWrite", desk.canWrite(id));
        model.addAttribute("canPreside", desk.canPreside(id));
        model.addAttribute("nominations", e.kind().nominations());
        model.addAttribute("outcomes", ReviewOutcome.values());
        if (e.kind() == ElectionKind.BY_ELECTION) {
            model.addAttribute("checks", desk.reviewChecks(id));
        }
        ElectionStep next = e.nextStep();
        if (!model.containsAttribute("candidateForm")) {
            model.addAttribute("candidateForm", new CandidateForm("", null, null, null, null,
                    e.kind().nominations().get(0), null, null));
        }
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute("stepForm", new ElectionStepForm(next == null ? ElectionStep.NOMINATED : next, today, null));
        }
        if (!model.containsAttribute("roundForm")) {
            List<CandidateView> cs = e.candidates();
            model.addAttribute("roundForm", new RoundPage(today, "", "", null, null, null, null,
                    e.registeredVoters(), null, cs.stream().map(CandidateView::id).toList(),
                    cs.stream().map(c -> (Integer) null).toList(), cs.stream().map(c -> (Integer) null).toList(),
                    cs.stream().map(c -> (Integer) null).toList()));
        }
        if (!model.containsAttribute("announceForm")) {
            model.addAttribute("announceForm", new ElectionAnnounceForm(today, null));
        }
        if (!model.containsAttribute("oathForm")) {
            model.addAttribute("oathForm", new ElectionDesk.OathForm(today, "", ""));
        }
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", new QualificationReviewForm(ReviewOutcome.CONFIRMED, today, "", null));
        }
        return "meeting/election";
    }

    @PostMapping(BASE + "/{id}/candidates")
    String addCandidate(@PathVariable long id, @Valid @ModelAttribute("candidateForm") CandidateForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.addCandidate(id, form);
            return new Feedback.Next(BASE + "/" + id, "election.candidate.added");
        });
    }

    @PostMapping(BASE + "/{id}/steps")
    String recordStep(@PathVariable long id, @Valid @ModelAttribute("stepForm") ElectionStepForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.recordStep(id, form);
            return new Feedback.Next(BASE + "/" + id, "election.step.recorded");
        });
    }

    @PostMapping(BASE + "/{id}/rounds")
    String recordRound(@PathVariable long id, @Valid @ModelAttribute("roundForm") RoundPage form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            ElectionCounted counted = desk.recordRound(id, form.form());
            String key = !counted.round().valid() ? counted.round().voidReason().messageKey()
                    : counted.anyElected() ? "election.round.elected" : "election.round.noneElected";
            return new Feedback.Next(BASE + "/" + id, key);
        });
    }

    @PostMapping(BASE + "/{id}/announce")
    String announce(@PathVariable long id, @Valid @ModelAttribute("announceForm") ElectionAnnounceForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.announce(id, form);
            return new Feedback.Next(BASE + "/" + id, "election.announced");
        });
    }

    @PostMapping(BASE + "/{id}/candidates/{candidateId}/oath")
    String oath(@PathVariable long id, @PathVariable long candidateId,
            @Valid @ModelAttribute("oathForm") ElectionDesk.OathForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.recordOath(id, candidateId, form);
            return new Feedback.Next(BASE + "/" + id, "election.oath.recorded");
        });
    }

    @PostMapping(BASE + "/{id}/review")
    String review(@PathVariable long id, @Valid @ModelAttribute("reviewForm") QualificationReviewForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.review(id, form);
            return new Feedback.Next(BASE + "/" + id, form.outcome() == ReviewOutcome.CONFIRMED
                    ? "election.review.confirmedDone" : "election.review.refusedDone");
        });
    }
}
