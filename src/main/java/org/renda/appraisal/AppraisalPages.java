package org.renda.appraisal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import jakarta.validation.constraints.Max;
import org.renda.shared.validation.YearNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.BoardKind;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalEnums.EvidenceKind;
import org.renda.appraisal.AppraisalEnums.RespondentGroup;
import org.renda.appraisal.AppraisalViews.CampaignDetail;
import org.renda.appraisal.AppraisalViews.SubjectLine;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff and unit pages of a campaign: the list, a campaign with its units and groups, a unit, the ledger. */
@Controller
class AppraisalPages {

    static final String LIST = "appraisal/list";
    static final String CAMPAIGN = "appraisal/campaign";
    static final String SUBJECT = "appraisal/subject";
    static final String LEDGER = "appraisal/ledger";

    private final AppraisalDesk desk;
    private final VotePrintouts printouts;
    private final VoteDesk votes;
    private final Rectifications rectifications;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    AppraisalPages(AppraisalDesk desk, VotePrintouts printouts, VoteDesk votes, Rectifications rectifications,
            OrgTree orgs, CurrentActor currentActor, Feedback feedback) {
        this.desk = desk;
        this.printouts = printouts;
        this.votes = votes;
        this.rectifications = rectifications;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** A stand-alone vote (duty reports, special work): subjects one per line; the threshold in per cent. */
    record VoteForm(@Nullable Long orgId, @NotBlank @Size(max = 200) String title, @NotNull VoteScale scale,
            @NotNull RateRule rule, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal thresholdPercent,
            @NotBlank @Size(max = 20_000) String subjects, boolean abstain) {

        static VoteForm empty() {
            return new VoteForm(null, "", VoteScale.COMPETENCE, RateRule.SATISFIED_SHARE, BigDecimal.valueOf(70), "",
                    false);
        }
    }

    /** The vote of a campaign's meeting. */
    record CampaignVoteForm(@NotBlank @Size(max = 200) String title, @NotNull VoteScale scale, @NotNull RateRule rule,
            boolean abstain) {}

    @GetMapping("/appraisals")
    String list(@RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable @YearNumber Integer year, Model model) {
        if (!model.containsAttribute("voteForm")) {
            model.addAttribute("voteForm", VoteForm.empty());
        }
        var actor = currentActor.require();
        if (!actor.canAny(Permission.APPRAISAL_READ) && !actor.canAny(Permission.APPRAISAL_RESPOND)) {
            throw new NotFoundException("error.notFound");
        }
        if (org != null || year != null) {
            // the subjects of the subtree's campaigns of the year (the annual report's subjects figure links here)
            long o = org == null ? actor.homeOrgId() : org;
            int y = year == null ? LocalDate.now().getYear() : year;
            List<SubjectLine> subjects = desk.subjectsOfYear(o, y);
            java.util.Set<Long> campaignIds = subjects.stream().map(SubjectLine::campaignId)
                    .collect(java.util.stream.Collectors.toSet());
            java.util.Set<Long> subtree = orgs.subtreeIds(o);
            model.addAttribute("yearSubjects", subjects);
            model.addAttribute("campaigns", desk.campaigns().stream().filter(c -> c.forYear() == y
                    && (subtree.contains(c.orgId()) || campaignIds.contains(c.id()))).toList());
            model.addAttribute("filter", String.join(" · ", orgs.find(o).map(OrgView::name).orElse(""),
                    feedback.text("listFilter.year", String.valueOf(y))));
        } else {
            model.addAttribute("campaigns", desk.campaigns());
        }
        model.addAttribute("votes", votes.list(null).stream().filter(v -> v.campaignId() == null).toList());
        model.addAttribute("congresses", congresses());
        model.addAttribute("kinds", CampaignKind.values());
        model.addAttribute("scales", VoteScale.values());
        model.addAttribute("rules", RateRule.values());
        model.addAttribute("year", LocalDate.now().getYear());
        return LIST;
    }

    /** The congresses where the actor may run a campaign (counties, towns, streets ...). */
    private List<OrgView> congresses() {
        var reach = currentActor.reach(Permission.APPRAISAL_WRITE);
        return orgs.within(reach, java.util.EnumSet.range(OrgType.PROVINCE, OrgType.STREET)).stream().sorted(
                java.util.Comparator.comparingInt(OrgView::depth).thenComparing(OrgView::code)).limit(200).toList();
    }

    @PostMapping("/appraisals")
    String create(@RequestParam long orgId, @RequestParam @YearNumber int forYear, @RequestParam String title,
            @RequestParam CampaignKind kind, @RequestParam BigDecimal thresholdPercent,
            @RequestParam(defaultValue = "false") boolean allUnits, RedirectAttributes redirect) {
        long[] id = {0};
        String target = feedback.redirect(redirect, "/appraisals", () -> id[0] = desk.create(new AppraisalDesk.NewCampaign(
                orgId, forYear, title, kind, percent(thresholdPercent), allUnits)).id(), "appraisal.done.created");
        return id[0] == 0 ? target : "redirect:/appraisals/" + id[0];
    }

    @PostMapping("/appraisals/votes")
    String createVote(@Valid @ModelAttribute("voteForm") VoteForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (form.orgId() == null) {
            binding.rejectValue("orgId", "appraisal.error.org", feedback.text("appraisal.error.org"));
        }
        return feedback.submit(binding, redirect, () -> list(null, null, model), () -> {
            long id = votes.create(new VoteDesk.NewVote(form.orgId(), form.title(), form.scale(), form.rule(),
                    percent(form.thresholdPercent()), List.of(form.subjects().split("\\R")), form.abstain())).id();
            return new Feedback.Next("/appraisals/votes/" + id, "vote.done.created");
        });
    }

    @GetMapping("/appraisals/{id}")
    String campaign(@PathVariable long id, Model model) {
        CampaignDetail d = desk.campaign(id);
        model.addAttribute("d", d);
        if (!model.containsAttribute("campaignVoteForm")) {
            model.addAttribute("campaignVoteForm", new CampaignVoteForm(d.campaign().title() + "满意度测评",
                    VoteScale.FOUR_LEVEL, RateRule.SATISFIED_SHARE, false));
        }
        model.addAttribute("votes", d.mayWrite() || currentActor.require().can(Permission.APPRAISAL_READ,
                d.campaign().orgId()) ? votes.list(id) : List.of());
        model.addAttribute("scales", VoteScale.values());
        model.addAttribute("rules", RateRule.values());
        if (d.mayWrite()) {
            model.addAttribute("units", orgs.findAll(orgs.subtreeIds(d.campaign().orgId())).stream()
                    .filter(o -> (o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT) && o.active())
                    .sorted(java.util.Comparator.comparing(OrgView::code)).toList());
        }
        return CAMPAIGN;
    }

    @PostMapping("/appraisals/{id}/subjects")
    String addSubject(@PathVariable long id, @RequestParam(required = false) @Nullable Long subjectOrgId,
            @RequestParam(defaultValue = "") String title, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/" + id, () -> desk.addSubject(id, title, subjectOrgId),
                "common.saved");
    }

    @PostMapping("/appraisals/{id}/groups")
    String addGroup(@PathVariable long id, @RequestParam String name, @RequestParam String leaderName,
            @RequestParam(required = false) String members, @RequestParam(required = false) String deputies,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/" + id, () -> {
            if (name.isBlank() || leaderName.isBlank()) {
                throw new org.renda.shared.DomainException("appraisal.error.group");
            }
            desk.addGroup(id, new AppraisalDesk.NewGroup(name, leaderName, members, deputies));
        }, "common.saved");
    }

    @PostMapping("/appraisals/{id}/votes")
    String campaignVote(@PathVariable long id, @Valid @ModelAttribute("campaignVoteForm") CampaignVoteForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> campaign(id, model), () -> {
            long vote = votes.createForCampaign(id, form.title(), form.scale(), form.rule(), form.abstain()).id();
            return new Feedback.Next("/appraisals/votes/" + vote, "vote.done.created");
        });
    }

    @PostMapping("/appraisals/{id}/carry")
    String carry(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/" + id + "/ledger", () -> rectifications.carryOver(id),
                "rectification.done.carried");
    }

    @GetMapping("/appraisals/subjects/{sid}")
    String subject(@PathVariable long sid, Model model) {
        var d = desk.subject(sid);
        model.addAttribute("d", d);
        model.addAttribute("groups", d.mayWrite() ? desk.campaign(d.campaign().id()).groups() : List.of());
        model.addAttribute("boardKinds", BoardKind.values());
        model.addAttribute("evidenceKinds", EvidenceKind.values());
        model.addAttribute("respondents", RespondentGroup.values());
        model.addAttribute("today", LocalDate.now());
        return SUBJECT;
    }

    @PostMapping("/appraisals/subjects/{sid}/assign")
    String assign(@PathVariable long sid, @RequestParam(required = false) @Nullable Long groupId,
            @RequestParam(required = false) @Nullable String liaisonLeader, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid, () -> desk.assign(sid, groupId, liaisonLeader),
                "common.saved");
    }

    @PostMapping("/appraisals/subjects/{sid}/board")
    String addBoard(@PathVariable long sid, @RequestParam BoardKind kind, @RequestParam String title,
            @RequestParam(required = false) String progress, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid,
                () -> desk.addBoardItem(sid, kind, title, progress), "common.saved");
    }

    @PostMapping("/appraisals/subjects/{sid}/board/{itemId}")
    String updateBoard(@PathVariable long sid, @PathVariable long itemId,
            @RequestParam(required = false) String progress, @RequestParam(defaultValue = "false") boolean done,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid,
                () -> desk.updateBoardItem(itemId, progress, done), "common.saved");
    }

    @PostMapping("/appraisals/subjects/{sid}/evidence")
    String addEvidence(@PathVariable long sid, @RequestParam EvidenceKind kind, @RequestParam LocalDate checkedOn,
            @RequestParam String finding, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid,
                () -> desk.addEvidence(sid, kind, checkedOn, finding), "common.saved");
    }

    @PostMapping("/appraisals/subjects/{sid}/questionnaires/{qid}/paper")
    String paperQuestionnaire(@PathVariable long sid, @PathVariable long qid,
            @RequestParam @Min(0) @Max(100_000) int satisfied, @RequestParam @Min(0) @Max(100_000) int fairly,
            @RequestParam @Min(0) @Max(100_000) int basic, @RequestParam @Min(0) @Max(100_000) int unsatisfied,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid,
                () -> desk.enterPaper(qid, satisfied, fairly, basic, unsatisfied), "common.saved");
    }

    @PostMapping("/appraisals/subjects/{sid}/report")
    String saveReport(@PathVariable long sid, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean assemble, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid + "#report",
                () -> desk.saveReport(sid, assemble || text == null || text.isBlank() ? desk.assembleDraft(sid) : text),
                "common.saved");
    }

    @PostMapping("/appraisals/subjects/{sid}/rectifications")
    String raise(@PathVariable long sid, @RequestParam String problem, @RequestParam(required = false) String commitment,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/subjects/" + sid,
                () -> rectifications.raise(sid, problem, commitment), "rectification.done.raised");
    }

    @PostMapping("/appraisals/rectifications/{rid}/{action}")
    String rectify(@PathVariable long rid, @PathVariable String action, @RequestParam(defaultValue = "0") int version,
            @RequestParam(required = false) String text, @RequestParam(required = false) String committee,
            @RequestParam(required = false) @Nullable LocalDate on, RedirectAttributes redirect) {
        var r = rectifications.get(rid);
        if (r.subjectId() == null) {
            throw new NotFoundException("error.notFound"); // a supervision finding is answered on its own pages
        }
        LocalDate date = on == null ? LocalDate.now() : on;
        return feedback.redirect(redirect, "/appraisals/subjects/" + r.subjectId() + "#rect-" + rid, () -> {
            switch (action) {
                case "commit" -> rectifications.commit(rid, version, text);
                case "report" -> rectifications.report(rid, version, text);
                case "check" -> rectifications.check(rid, date, committee, text);
                case "accept" -> rectifications.accept(rid, version, text == null ? "" : text);
                case "interview" -> rectifications.interview(rid, version, date, text);
                default -> throw new NotFoundException("error.notFound");
            }
        }, "common.saved");
    }

    @GetMapping("/appraisals/subjects/{sid}/questionnaires.pdf")
    ResponseEntity<byte[]> questionnaireSheet(@PathVariable long sid) {
        var d = desk.subject(sid);
        if (d.questionnaires().isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        return Downloads.pdf(printouts.questionnaireSheet(d.campaign().title(), d.subject().title(), d.questionnaires()),
                d.subject().title() + "-征求意见问卷.pdf");
    }

    @GetMapping("/appraisals/{id}/ledger")
    String ledger(@PathVariable long id, Model model) {
        model.addAttribute("d", desk.campaign(id));
        model.addAttribute("ledger", rectifications.ledger(id));
        model.addAttribute("today", LocalDate.now());
        return LEDGER;
    }

    @GetMapping("/appraisals/{id}/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable long id) {
        var c = desk.campaign(id).campaign();
        return Downloads.xlsx(rectifications.export(id), c.title() + "-整改台账.xlsx");
    }

    private static BigDecimal percent(BigDecimal p) {
        return p.divide(BigDecimal.valueOf(100), 4, java.math.RoundingMode.HALF_UP);
    }
}
