package org.renda.appraisal;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteViews.LevelView;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.deputy.DeputyLevel;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of a vote: roll and sign-in sheet, codes, opening, paper tallies, close, results, exports. */
@Controller
class VotePages {

    static final String VOTE = "appraisal/vote";

    private final VoteDesk votes;
    private final VotePrintouts printouts;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    VotePages(VoteDesk votes, VotePrintouts printouts, OrgTree orgs, CurrentActor currentActor, Feedback feedback) {
        this.votes = votes;
        this.printouts = printouts;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /**
     * The votes of an organisation's subtree (by default the reader's own) closed in the year, each with the
     * subjects it rated: the annual report's votes, rated subjects and rates figures link here.
     */
    @GetMapping("/appraisals/votes")
    String closed(@RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable @org.renda.shared.validation.YearNumber Integer year, Model model) {
        long o = org == null ? currentActor.require().homeOrgId() : org;
        int y = year == null ? java.time.LocalDate.now().getYear() : year;
        List<VoteDetail> closed = votes.closedIn(o, y);
        List<Rated> rated = new java.util.ArrayList<>();
        for (VoteDetail d : closed) {
            if (d.results() != null) {
                d.results().rows().stream().filter(r -> r.valid() > 0)
                        .forEach(r -> rated.add(new Rated(d.vote().id(), d.vote().title(), r.title(), r.valid(), r.rate())));
            }
        }
        model.addAttribute("closed", closed);
        model.addAttribute("rated", rated);
        if (!rated.isEmpty()) {
            model.addAttribute("average", rated.stream().map(Rated::rate).reduce(java.math.BigDecimal.ZERO,
                    java.math.BigDecimal::add).divide(java.math.BigDecimal.valueOf(rated.size()), 6,
                    java.math.RoundingMode.HALF_UP));
            model.addAttribute("lowest", rated.stream().map(Rated::rate).min(java.math.BigDecimal::compareTo).orElseThrow());
        }
        model.addAttribute("year", y);
        model.addAttribute("filter", String.join(" · ", orgs.find(o).map(OrgView::name).orElse(""),
                feedback.text("listFilter.year", String.valueOf(y)), feedback.text("vote.state.CLOSED")));
        return "appraisal/votes";
    }

    /** A subject a closed vote rated (with valid ballots). */
    record Rated(long voteId, String voteTitle, String title, int valid, java.math.BigDecimal rate) {}

    @GetMapping("/appraisals/votes/{id}")
    String vote(@PathVariable long id, Model model) {
        VoteDetail d = votes.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("roll", votes.roll(id));
        model.addAttribute("paper", votes.paper(id));
        model.addAttribute("mayWrite", currentActor.require().can(Permission.APPRAISAL_WRITE, d.vote().orgId()));
        model.addAttribute("mayPreside", currentActor.require().can(Permission.APPRAISAL_PRESIDE, d.vote().orgId()));
        String voteUrl = printouts.voteUrl(d.vote().publicCode());
        model.addAttribute("voteUrl", voteUrl);
        model.addAttribute("voteQr", "data:image/png;base64," + java.util.Base64.getEncoder()
                .encodeToString(org.renda.shared.qr.QrCode.of(voteUrl).png(240)));
        model.addAttribute("levels", DeputyLevel.values());
        model.addAttribute("orgName", orgs.find(d.vote().orgId()).map(OrgView::name).orElse(""));
        return VOTE;
    }

    /** The counts alone, refreshed every few seconds while the vote is open (htmx); never a per-subject number. */
    @GetMapping("/appraisals/votes/{id}/invariants")
    String invariants(@PathVariable long id, Model model) {
        model.addAttribute("d", votes.detail(id));
        return VOTE + " :: invariants";
    }

    @PostMapping("/appraisals/votes/{id}/roll")
    String loadRoll(@PathVariable long id, @RequestParam(required = false) @Nullable DeputyLevel level,
            RedirectAttributes redirect) {
        long org = votes.detail(id).vote().orgId();
        return feedback.redirect(redirect, "/appraisals/votes/" + id + "#roll", () -> votes.loadRoll(id, org, level),
                "vote.done.roll");
    }

    @PostMapping("/appraisals/votes/{id}/issued")
    String issued(@PathVariable long id, @RequestParam(name = "rollId", required = false) @Nullable List<Long> rollIds,
            RedirectAttributes redirect) {
        Set<Long> ids = rollIds == null ? Set.of() : new HashSet<>(rollIds);
        return feedback.redirect(redirect, "/appraisals/votes/" + id + "#roll", () -> votes.markIssued(id, ids),
                "vote.done.issued");
    }

    /** Draws fresh codes and answers the slips at once: the codes exist nowhere else. */
    @PostMapping("/appraisals/votes/{id}/codes")
    ResponseEntity<byte[]> codes(@PathVariable long id, @RequestParam int count) {
        VoteDetail d = votes.detail(id);
        List<String> codes = votes.printCodes(id, count);
        return Downloads.pdf(printouts.slips(d.vote().title(), d.vote().publicCode(), codes),
                d.vote().title() + "-投票码.pdf");
    }

    @PostMapping("/appraisals/votes/{id}/levels")
    String level(@PathVariable long id, @RequestParam String code, @RequestParam BigDecimal score,
            @RequestParam(defaultValue = "false") boolean satisfied, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/votes/" + id, () -> votes.setLevel(id, code, score, satisfied),
                "common.saved");
    }

    @PostMapping("/appraisals/votes/{id}/open")
    String open(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/votes/" + id, () -> votes.open(id), "vote.done.opened");
    }

    /** The tellers' counts: {@code paperBallots} and fields {@code p_<subjectId>_<level>}. */
    @PostMapping("/appraisals/votes/{id}/paper")
    String paper(@PathVariable long id, @RequestParam int paperBallots, HttpServletRequest request,
            RedirectAttributes redirect) {
        VoteDetail d = votes.detail(id);
        Map<Long, Map<String, Integer>> tallies = new HashMap<>();
        return feedback.redirect(redirect, "/appraisals/votes/" + id + "#paper", () -> {
            for (SubjectView s : d.subjects()) {
                for (LevelView l : d.levels()) {
                    String raw = request.getParameter("p_" + s.id() + "_" + l.code());
                    if (raw != null && !raw.isBlank()) {
                        try {
                            tallies.computeIfAbsent(s.id(), k -> new HashMap<>()).put(l.code(), Integer.parseInt(raw.strip()));
                        } catch (NumberFormatException e) {
                            throw new DomainException("vote.error.paper");
                        }
                    }
                }
            }
            votes.enterPaper(id, paperBallots, tallies);
        }, "vote.done.paper");
    }

    @PostMapping("/appraisals/votes/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/votes/" + id + "#results", () -> votes.close(id),
                "vote.done.closed");
    }

    @PostMapping("/appraisals/votes/{id}/publish")
    String publish(@PathVariable long id, @RequestParam boolean on, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/appraisals/votes/" + id + "#results", () -> votes.publish(id, on),
                on ? "vote.done.published" : "vote.done.unpublished");
    }

    @GetMapping("/appraisals/votes/{id}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return csv(votes.export(id), "vote-" + id + "-ballots.csv");
    }

    @GetMapping("/appraisals/votes/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        VoteDetail d = votes.detail(id);
        return Downloads.pdf(printouts.report(d, orgs.find(d.vote().orgId()).map(OrgView::name).orElse(null)),
                d.vote().title() + "-结果报告.pdf");
    }

    @GetMapping("/appraisals/votes/{id}/results.xlsx")
    ResponseEntity<byte[]> results(@PathVariable long id) {
        VoteDetail d = votes.detail(id);
        return Downloads.xlsx(printouts.resultsXlsx(d), d.vote().title() + "-测评结果.xlsx");
    }

    static ResponseEntity<byte[]> csv(String text, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
