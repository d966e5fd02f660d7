package org.renda.appraisal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.Opinion;
import org.renda.appraisal.VoteViews.Ballot;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.renda.shared.web.Feedback;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public doors, no sign-in: the phone voting page, the published results with their export and
 * signature, the recount page, and the questionnaires of the five groups. The voting page never reads
 * who is signed in, and nothing here logs a code, an address or a time.
 */
@Controller
class PublicAppraisalPages {

    static final String BALLOT = "appraisal/public-ballot";
    static final String DONE = "appraisal/public-done";
    static final String RESULTS = "appraisal/public-results";
    static final String INDEX = "appraisal/public-index";
    static final String VERIFY = "appraisal/public-verify";
    static final String QUESTIONNAIRE = "appraisal/public-questionnaire";

    private final BallotBox box;
    private final VoteDesk votes;
    private final AppraisalDesk desk;
    private final Feedback feedback;
    private final CodeAttempts attempts;

    PublicAppraisalPages(BallotBox box, VoteDesk votes, AppraisalDesk desk, Feedback feedback,
            CodeAttempts attempts) {
        this.box = box;
        this.votes = votes;
        this.desk = desk;
        this.feedback = feedback;
        this.attempts = attempts;
    }

    /** The ballot's one-time code; the choices are fields {@code s<subjectId>} = level code, read beside it. */
    record BallotForm(@Nullable @Size(max = 20) String code) {}

    @GetMapping("/public/votes/{code}")
    String ballot(@PathVariable String code, Model model) {
        model.addAttribute("form", new BallotForm(""));
        return ballotPage(box.ballot(code), Map.of(), model);
    }

    private String ballotPage(Ballot b, Map<Long, String> chosen, Model model) {
        model.addAttribute("b", b);
        model.addAttribute("chosen", chosen);
        return BALLOT;
    }

    /**
     * Casts a ballot. On a refusal the page comes back with every choice and the code as typed, the reason above
     * the form; too many refused codes from this client answer 429 (the path variable is {@code publicCode} so that
     * it is never bound as the one-time code).
     */
    @PostMapping("/public/votes/{publicCode}")
    String cast(@PathVariable String publicCode, @Valid @ModelAttribute("form") BallotForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Ballot b = box.ballot(publicCode);
        Map<Long, String> choices = new HashMap<>();
        for (SubjectView s : b.subjects()) {
            String v = request.getParameter("s" + s.id());
            if (v != null && !v.isBlank()) {
                choices.put(s.id(), v);
            }
        }
        return feedback.submit(binding, redirect, () -> {
            if (binding.getGlobalErrors().stream().anyMatch(e -> "vote.error.throttled".equals(e.getCode()))) {
                response.setStatus(429);
            }
            return ballotPage(b, choices, model);
        }, () -> {
            attempts.guard(request, () -> box.cast(publicCode, form.code() == null ? "" : form.code(), choices));
            return new Feedback.Next("/public/votes/" + publicCode + "/done", "vote.public.done");
        });
    }

    @GetMapping("/public/votes/{code}/done")
    String done(@PathVariable String code, Model model) {
        model.addAttribute("b", box.ballot(code));
        return DONE;
    }

    @GetMapping("/public/appraisals")
    String index(Model model) {
        model.addAttribute("votes", votes.publishedVotes());
        model.addAttribute("publicKey", votes.publicKey());
        return INDEX;
    }

    @GetMapping("/public/appraisals/{code}")
    String results(@PathVariable String code, Model model) {
        VoteDetail d = votes.publicResults(code);
        model.addAttribute("d", d);
        return RESULTS;
    }

    @GetMapping("/public/appraisals/{code}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        return VotePages.csv(votes.publicExport(code), "vote-" + code + "-ballots.csv");
    }

    /** The signature and the public key, one per line, for the verify page or any Ed25519 tool. */
    @GetMapping(value = "/public/appraisals/{code}/signature.txt")
    ResponseEntity<String> signature(@PathVariable String code) {
        VoteDetail d = votes.publicResults(code);
        var r = d.results();
        String text = r == null ? "" : "sha256=" + r.sha256() + "\nsignature=" + r.signature() + "\npublicKey="
                + r.publicKey() + "\n";
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(text);
    }

    /** The published export (a file), its signature and the public key to check it with. */
    record VerifyForm(@Nullable MultipartFile file, @NotBlank @Size(max = 400) String signature,
            @NotBlank @Size(max = 400) String publicKey) {}

    @GetMapping("/public/appraisals/verify")
    String verifyForm(Model model) {
        model.addAttribute("form", new VerifyForm(null, "", votes.publicKey()));
        return VERIFY;
    }

    /** A recount is a question, not a change: its answer is shown on the same page, beside the form. */
    @PostMapping("/public/appraisals/verify")
    String verify(@Valid @ModelAttribute("form") VerifyForm form, BindingResult binding, Model model)
            throws IOException {
        if (form.file() == null || form.file().isEmpty()) {
            binding.rejectValue("file", "vote.error.export", feedback.text("vote.error.export"));
        }
        if (!binding.hasErrors()) {
            var v = VoteDesk.tryVerify(new String(form.file().getBytes(), StandardCharsets.UTF_8), form.signature(),
                    form.publicKey());
            if (v.isEmpty()) {
                binding.rejectValue("file", "vote.error.export", feedback.text("vote.error.export"));
            }
            v.ifPresent(x -> model.addAttribute("v", x));
        }
        return VERIFY;
    }

    /** One answer of a questionnaire: an opinion and, if the respondent wishes, a text. */
    record AnswerForm(@Nullable Opinion opinion, @Nullable @Size(max = 2000) String text) {}

    @GetMapping("/public/questionnaires/{code}")
    String questionnaire(@PathVariable String code, Model model) {
        model.addAttribute("form", new AnswerForm(null, null));
        return questionnairePage(code, model);
    }

    private String questionnairePage(String code, Model model) {
        model.addAttribute("q", desk.questionnaire(code));
        model.addAttribute("opinions", Opinion.values());
        return QUESTIONNAIRE;
    }

    /** Post/Redirect/Get: the thanks are the flash message of the questionnaire's page, which then hides the form. */
    @PostMapping("/public/questionnaires/{publicCode}")
    String answer(@PathVariable String publicCode, @Valid @ModelAttribute("form") AnswerForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (form.opinion() == null) {
            binding.rejectValue("opinion", "appraisal.error.opinion", feedback.text("appraisal.error.opinion"));
        }
        return feedback.submit(binding, redirect, () -> questionnairePage(publicCode, model), () -> {
            desk.answer(publicCode, form.opinion(), form.text());
            return new Feedback.Next("/public/questionnaires/" + publicCode, "appraisal.q.thanks");
        });
    }
}
