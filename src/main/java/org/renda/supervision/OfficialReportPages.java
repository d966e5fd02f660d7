package org.renda.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.renda.supervision.OfficialReportViews.PlanView;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duty-report pages: the plans and the term's figures, a plan with its sittings and officials, the export. */
@Controller
@Validated
class OfficialReportPages {

    private final OfficialReportDesk desk;
    private final CurrentActor currentActor;
    private final Feedback feedback;
    private final org.renda.org.OrgTree orgs;

    OfficialReportPages(OfficialReportDesk desk, CurrentActor currentActor, Feedback feedback,
            org.renda.org.OrgTree orgs) {
        this.orgs = orgs;
        this.desk = desk;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    @GetMapping("/supervision/official-reports")
    String list(@RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable @org.renda.shared.validation.YearNumber Integer year,
            @RequestParam(required = false) @Nullable OfficialReportState state, Model model) {
        model.addAttribute("plans", desk.plans());
        model.addAttribute("canCreate", !desk.writableOrgs().isEmpty());
        if (org != null || year != null || state != null) {
            // the officials who reported in the subtree's year (the annual report's figure links here)
            long o = org == null ? currentActor.require().homeOrgId() : org;
            int y = year == null ? LocalDate.now().getYear() : year;
            model.addAttribute("reported", desk.reported(o, y, state));
            List<String> parts = new java.util.ArrayList<>();
            orgs.find(o).ifPresent(v -> parts.add(v.name()));
            parts.add(feedback.text("listFilter.year", String.valueOf(y)));
            if (state != null) {
                parts.add(feedback.text(state.messageKey()));
            }
            model.addAttribute("filter", String.join(" · ", parts));
        }
        return "supervision/official-reports/list";
    }

    /** A term's figures over an organisation's subtree; by default the reader's own organisation and latest term. */
    @GetMapping("/supervision/official-reports/figures")
    String figures(@RequestParam(required = false) @Nullable Long orgId,
            @RequestParam(required = false) @Nullable @Min(1) @Max(99) Integer termNo, Model model) {
        long org = orgId == null ? currentActor.require().homeOrgId() : orgId;
        int term = termNo == null ? desk.plans().stream().mapToInt(p -> p.termNo()).max().orElse(1) : termNo;
        model.addAttribute("figures", desk.termFigures(org, term));
        return "supervision/official-reports/figures";
    }

    record PlanForm(@NotNull Long orgId, @NotNull @Min(1) @Max(99) Integer termNo,
            @NotBlank @Size(max = 200) String title) {}

    @GetMapping("/supervision/official-reports/new")
    String newForm(Model model) {
        List<OrgView> places = desk.writableOrgs();
        if (places.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("form", new PlanForm(places.get(0).id(), null, ""));
        return newPage(model);
    }

    private String newPage(Model model) {
        model.addAttribute("orgs", desk.writableOrgs());
        return "supervision/official-reports/new";
    }

    @PostMapping("/supervision/official-reports")
    String create(@Valid @ModelAttribute("form") PlanForm form, BindingResult binding, RedirectAttributes redirect,
            Model model) {
        return feedback.submit(binding, redirect, () -> newPage(model), () -> {
            PlanView p = desk.createPlan(new OfficialReportDesk.NewPlan(form.orgId(), form.termNo(), form.title()));
            return new Feedback.Next("/supervision/official-reports/" + p.id(), "officialReport.created");
        });
    }

    @GetMapping("/supervision/official-reports/{planId}")
    String plan(@PathVariable long planId, Model model) {
        PlanView p = desk.plan(planId);
        model.addAttribute("p", p);
        model.addAttribute("canWrite", desk.canWrite(p.orgId()));
        model.addAttribute("canVote", desk.canVote(p.orgId()));
        model.addAttribute("today", LocalDate.now());
        return "supervision/official-reports/plan";
    }

    @GetMapping("/supervision/official-reports/{planId}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long planId) {
        PlanView p = desk.plan(planId);
        return Downloads.xlsx(desk.exportXlsx(planId), p.orgName() + "第" + p.termNo() + "届政府负责人述职评议.xlsx");
    }

    @PostMapping("/supervision/official-reports/{planId}/sittings")
    String addSitting(@PathVariable long planId, @RequestParam LocalDate heldOn, @RequestParam String meeting,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, back(planId), () -> desk.addSitting(planId,
                new OfficialReportDesk.SittingForm(heldOn, meeting)), "officialReport.sittingAdded");
    }

    @PostMapping("/supervision/official-reports/{planId}/officials")
    String addOfficial(@PathVariable long planId, @RequestParam String name, @RequestParam String position,
            @RequestParam(required = false) @Nullable Long sittingId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, back(planId), () -> desk.addOfficial(planId,
                new OfficialReportDesk.OfficialForm(name, position, sittingId)), "officialReport.officialAdded");
    }

    @PostMapping("/supervision/official-reports/officials/{officialId}/schedule")
    String schedule(@PathVariable long officialId, @RequestParam long sittingId, RedirectAttributes redirect) {
        long plan = planOf(officialId);
        return feedback.redirect(redirect, back(plan), () -> desk.schedule(officialId, sittingId), "common.saved");
    }

    @PostMapping("/supervision/official-reports/officials/{officialId}/report")
    String report(@PathVariable long officialId, @RequestParam LocalDate reportedOn,
            @RequestParam(required = false) @Nullable String summary, @RequestParam int version,
            RedirectAttributes redirect) {
        long plan = planOf(officialId);
        return feedback.redirect(redirect, back(plan), () -> desk.report(officialId,
                new OfficialReportDesk.ReportForm(reportedOn, summary, version)), "officialReport.reported");
    }

    @PostMapping("/supervision/official-reports/officials/{officialId}/questions")
    String ask(@PathVariable long officialId, @RequestParam String askedBy, @RequestParam String question,
            @RequestParam(required = false) @Nullable String answer, RedirectAttributes redirect) {
        long plan = planOf(officialId);
        return feedback.redirect(redirect, back(plan), () -> desk.ask(officialId,
                new OfficialReportDesk.QuestionForm(askedBy, question, answer)), "officialReport.asked");
    }

    @PostMapping("/supervision/official-reports/questions/{questionId}/answer")
    String answer(@PathVariable long questionId, @RequestParam String answer, RedirectAttributes redirect) {
        long plan = desk.planOfQuestion(questionId);
        return feedback.redirect(redirect, back(plan), () -> desk.answer(questionId, answer), "officialReport.answered");
    }

    @PostMapping("/supervision/official-reports/sittings/{sittingId}/vote")
    String vote(@PathVariable long sittingId, RedirectAttributes redirect) {
        long plan = desk.planOfSitting(sittingId);
        return feedback.redirect(redirect, back(plan), () -> desk.createVote(sittingId,
                OfficialReportDesk.VoteForm.standard()), "officialReport.voteCreated");
    }

    @PostMapping("/supervision/official-reports/sittings/{sittingId}/results")
    String results(@PathVariable long sittingId, RedirectAttributes redirect) {
        long plan = desk.planOfSitting(sittingId);
        return feedback.redirect(redirect, back(plan), () -> desk.takeResults(sittingId), "officialReport.resultsTaken");
    }

    private long planOf(long officialId) {
        return desk.planOfOfficial(officialId);
    }

    private static String back(long planId) {
        return "/supervision/official-reports/" + planId;
    }
}
