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
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Feedback;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping("/public/votes/{code}")
    String ballot(@PathVariable String code, Model model) {
        model.addAttribute("b", box.ballot(code));
        model.addAttribute("chosen", Map.of());
        model.addAttribute("code", "");
        return BALLOT;
    }

    /** Fields: {@code code} and {@code s<subjectId>} = level code. On a refusal the page keeps every choice. */
    @PostMapping("/public/votes/{code}")
    String cast(@PathVariable String code, @RequestParam(name = "code", defaultValue = "") String credential,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Ballot b = box.ballot(code);
        Map<Long, String> choices = new HashMap<>();
        for (SubjectView s : b.subjects()) {
            String v = request.getParameter("s" + s.id());
            if (v != null && !v.isBlank()) {
                choices.put(s.id(), v);
            }
        }
        try {
            attempts.guard(request, () -> box.cast(code, credential, choices));
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            if (e instanceof CodeAttempts.Throttled) {
                response.setStatus(429);
            }
            model.addAttribute("b", b);
            model.addAttribute("chosen", choices);
            model.addAttribute("code", credential);
            model.addAttribute("failure", feedback.text(e));
            return BALLOT;
        }
        return "redirect:/public/votes/" + code + "/done";
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

    @GetMapping("/public/appraisals/verify")
    String verifyForm(Model model) {
        model.addAttribute("publicKey", votes.publicKey());
        return VERIFY;
    }

    @PostMapping("/public/appraisals/verify")
    String verify(@RequestParam("file") MultipartFile file, @RequestParam String signature,
            @RequestParam String publicKey, Model model) throws IOException {
        model.addAttribute("publicKey", publicKey);
        try {
            model.addAttribute("v", VoteDesk.verify(new String(file.getBytes(), StandardCharsets.UTF_8), signature,
                    publicKey));
        } catch (DomainException e) {
            model.addAttribute("failure", feedback.text(e));
        }
        return VERIFY;
    }

    @GetMapping("/public/questionnaires/{code}")
    String questionnaire(@PathVariable String code, Model model) {
        model.addAttribute("q", desk.questionnaire(code));
        model.addAttribute("opinions", Opinion.values());
        return QUESTIONNAIRE;
    }

    @PostMapping("/public/questionnaires/{code}")
    String answer(@PathVariable String code, @RequestParam(required = false) @Nullable Opinion opinion,
            @RequestParam(required = false) @Nullable String text, Model model) {
        model.addAttribute("q", desk.questionnaire(code));
        model.addAttribute("opinions", Opinion.values());
        try {
            if (opinion == null) {
                throw new DomainException("appraisal.error.opinion");
            }
            desk.answer(code, opinion, text);
            model.addAttribute("thanks", true);
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("failure", feedback.text(e));
            model.addAttribute("text", text);
        }
        return QUESTIONNAIRE;
    }
}
