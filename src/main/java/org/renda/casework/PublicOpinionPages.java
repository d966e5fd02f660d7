package org.renda.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseDesk.PublicSubmission;
import org.renda.casework.CaseDesk.Receipt;
import org.renda.casework.CaseDesk.Upload;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.PublicRateLimiter.Decision;
import org.renda.casework.PublicRateLimiter.Kind;
import org.renda.shared.NotFoundException;
import org.renda.shared.validation.ChinesePhone;
import org.renda.shared.web.Feedback;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public's pages, no sign-in, phone first: the opinion form (a town, a category, text, optional
 * name and phone or anonymous, up to six photos), the receipt with its code, and tracking by that code
 * with the rating of a reply. Each form carries a random submission key used as the idempotency key, so
 * a double tap or a re-sent form gives the first receipt instead of a second case. Writes and look-ups
 * share the per-client limits of the partner API.
 */
@Controller
@RequestMapping("/public/opinions")
class PublicOpinionPages {

    static final String NEW = "casework/public-new";
    static final String RECEIPT = "casework/public-receipt";
    static final String FIND = "casework/public-find";
    static final String TRACK = "casework/public-track";

    private final PublicIntake intake;
    private final CaseDesk desk;
    private final PublicRateLimiter limiter;
    private final Feedback feedback;

    PublicOpinionPages(PublicIntake intake, CaseDesk desk, PublicRateLimiter limiter, Feedback feedback) {
        this.intake = intake;
        this.desk = desk;
        this.limiter = limiter;
        this.feedback = feedback;
    }

    /** The form as typed; it goes back to the page filled in, each mistake beside its field. */
    record Form(@NotBlank @Size(max = 32) String orgCode, @NotBlank @Size(max = 30) String category,
            @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String content,
            @Nullable @Size(max = 200) String location, @Nullable @Size(max = 50) String name,
            @Nullable @ChinesePhone String phone, @Nullable Boolean anonymous, @Nullable String submissionKey) {

        static Form empty(@Nullable String orgCode) {
            return new Form(orgCode, null, null, null, null, null, null, false, newKey());
        }

        PublicSubmission submission() {
            return new PublicSubmission(orgCode, category, title, content, location, name, phone,
                    Boolean.TRUE.equals(anonymous));
        }
    }

    /** A rating of the reply. */
    record RateForm(@NotNull Rating rating) {}

    static String newKey() {
        return "web-" + UUID.randomUUID();
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) @Nullable String org, Model model) {
        model.addAttribute("form", Form.empty(org != null && intake.org(org).isPresent() ? org : null));
        model.addAttribute("submissionKey", newKey());
        return formPage(model);
    }

    @PostMapping
    String submit(@Valid @ModelAttribute("form") Form form, BindingResult binding,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String key = form.submissionKey() != null && PublicIntake.IDEMPOTENCY_KEY.matcher(form.submissionKey()).matches()
                ? form.submissionKey() : newKey();
        model.addAttribute("submissionKey", key);
        Decision d = limiter.acquire(Kind.SUBMIT, request);
        if (!d.allowed()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
            model.addAttribute("failure", feedback.text("case.public.error.rateLimited", d.retryAfterSeconds()));
            return formPage(model);
        }
        if (!binding.hasFieldErrors("orgCode") && intake.org(form.orgCode()).isEmpty()) {
            binding.rejectValue("orgCode", "case.error.org", feedback.text("case.error.org"));
        }
        if (!binding.hasFieldErrors("category") && !intake.categories().contains(form.category())) {
            binding.rejectValue("category", "case.error.category", feedback.text("case.error.category"));
        }
        List<Upload> uploads = CasePages.uploads(files);
        return feedback.submit(binding, redirect, () -> {
            response.setStatus(400);
            model.addAttribute("failure", feedback.text(uploads.isEmpty() ? "case.public.form.fix"
                    : "case.public.form.fixAndPhotos"));
            return formPage(model);
        }, () -> {
            Receipt r = intake.submitFromPage(form.submission(), key, uploads);
            return new Feedback.Next("/public/opinions/receipt/" + r.receiptCode(), "case.public.received");
        });
    }

    private String formPage(Model model) {
        model.addAttribute("groups", intake.orgGroups());
        model.addAttribute("categories", intake.categories());
        model.addAttribute("maxFiles", CaseDesk.MAX_FILES);
        model.addAttribute("maxFileMb", CaseDesk.MAX_FILE_BYTES / 1024 / 1024);
        return NEW;
    }

    /** After a submission: the receipt code, big, with a copy button and the tracking link. */
    @GetMapping("/receipt/{code}")
    String receipt(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!limiter.acquire(Kind.LOOKUP, request).allowed()) {
            return track(code, model, request, response); // says so, with the status and Retry-After
        }
        var track = desk.track(known(code));
        model.addAttribute("track", track);
        model.addAttribute("trackUrl", intake.trackUrl(track.receiptCode()));
        return RECEIPT;
    }

    @GetMapping("/track")
    String find(@RequestParam(required = false) @Nullable String code, Model model) {
        if (code != null && !code.isBlank()) {
            String c = normal(code);
            if (PublicOpinionApi.RECEIPT.matcher(c).matches()) {
                return "redirect:/public/opinions/track/" + c;
            }
            model.addAttribute("code", code);
            model.addAttribute("failure", feedback.text("case.error.receipt"));
        }
        return FIND;
    }

    @GetMapping("/track/{code}")
    String track(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        Decision d = limiter.acquire(Kind.LOOKUP, request);
        if (!d.allowed()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
            model.addAttribute("code", code);
            model.addAttribute("failure", feedback.text("case.public.error.lookupLimited", d.retryAfterSeconds()));
            return FIND;
        }
        try {
            model.addAttribute("track", desk.track(known(code)));
        } catch (NotFoundException e) {
            response.setStatus(404);
            model.addAttribute("code", code);
            model.addAttribute("failure", feedback.text(e));
            return FIND;
        }
        model.addAttribute("ratings", Rating.values());
        if (!model.containsAttribute("rateForm")) {
            model.addAttribute("rateForm", new RateForm(null));
        }
        return TRACK;
    }

    @PostMapping("/track/{code}/rating")
    String rate(@PathVariable String code, @Valid @ModelAttribute("rateForm") RateForm form, BindingResult binding,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String c = normal(code);
        Decision d = limiter.acquire(Kind.SUBMIT, request);
        if (!d.allowed()) {
            redirect.addFlashAttribute("failure", feedback.text("case.public.error.rateLimited", d.retryAfterSeconds()));
            return "redirect:/public/opinions/track/" + c;
        }
        return feedback.submit(binding, redirect, () -> {
            String page = track(c, model, request, response);
            if (binding.hasGlobalErrors() && model.getAttribute("failure") == null) {
                // The rating is no longer open (rated already): say so above the page, its form is gone.
                model.addAttribute("failure", binding.getGlobalErrors().get(0).getDefaultMessage());
            }
            return page;
        }, () -> {
            desk.ratePublic(c, form.rating());
            return new Feedback.Next("/public/opinions/track/" + c, "case.public.track.rated");
        });
    }

    /** The code in its stored form; one that cannot be a receipt is not looked up at all. */
    private static String known(String code) {
        String c = normal(code);
        if (!PublicOpinionApi.RECEIPT.matcher(c).matches()) {
            throw new NotFoundException("case.error.receipt");
        }
        return c;
    }

    private static String normal(String code) {
        return code.strip().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
