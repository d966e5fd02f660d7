package org.renda.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseDesk.PublicSubmission;
import org.renda.casework.CaseDesk.Receipt;
import org.renda.casework.CaseDesk.Upload;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.PublicRateLimiter.Decision;
import org.renda.casework.PublicRateLimiter.Kind;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Feedback;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
    private final Validator validator;
    private final Feedback feedback;

    PublicOpinionPages(PublicIntake intake, CaseDesk desk, PublicRateLimiter limiter, Validator validator,
            Feedback feedback) {
        this.intake = intake;
        this.desk = desk;
        this.limiter = limiter;
        this.validator = validator;
        this.feedback = feedback;
    }

    /** The form as typed; it goes back to the page filled in when something is wrong. */
    record Form(@Nullable String orgCode, @Nullable String category, @Nullable String title, @Nullable String content,
            @Nullable String location, @Nullable String name, @Nullable String phone, @Nullable Boolean anonymous,
            @Nullable String submissionKey) {

        static Form empty() {
            return new Form(null, null, null, null, null, null, null, false, newKey());
        }

        PublicSubmission submission() {
            return new PublicSubmission(v(orgCode), v(category), v(title), v(content), location, name, phone,
                    Boolean.TRUE.equals(anonymous));
        }

        private static String v(@Nullable String s) {
            return s == null ? "" : s;
        }
    }

    static String newKey() {
        return "web-" + UUID.randomUUID();
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) @Nullable String org, Model model) {
        Form f = Form.empty();
        if (org != null && intake.org(org).isPresent()) {
            f = new Form(org, null, null, null, null, null, null, false, f.submissionKey());
        }
        return form(model, f, Map.of(), null);
    }

    @PostMapping
    String submit(@ModelAttribute Form form,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Decision d = limiter.acquire(Kind.SUBMIT, request);
        if (!d.allowed()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
            return form(model, form, Map.of(), feedback.text("case.public.error.rateLimited", d.retryAfterSeconds()));
        }
        PublicSubmission s = form.submission();
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<PublicSubmission> v : validator.validate(s)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (!errors.containsKey("orgCode") && intake.org(s.orgCode()).isEmpty()) {
            errors.put("orgCode", feedback.text("case.error.org"));
        }
        if (!errors.containsKey("category") && !intake.categories().contains(s.category())) {
            errors.put("category", feedback.text("case.error.category"));
        }
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new Upload(f.getOriginalFilename() == null ? "photo" : f.getOriginalFilename(),
                            f.getContentType(), f.getBytes()));
                }
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return form(model, form, errors, feedback.text(uploads.isEmpty() ? "case.public.form.fix"
                    : "case.public.form.fixAndPhotos"));
        }
        String key = form.submissionKey() != null && PublicIntake.IDEMPOTENCY_KEY.matcher(form.submissionKey()).matches()
                ? form.submissionKey() : null;
        try {
            Receipt r;
            try {
                r = intake.submit(s, key, uploads);
            } catch (DomainException e) {
                if (!CaseDesk.IDEMPOTENCY_CONFLICT.equals(e.messageKey())) {
                    throw e;
                }
                // The page was sent back and changed: that is a new opinion, not a retry.
                r = intake.submit(s, newKey(), uploads);
            }
            return "redirect:/public/opinions/receipt/" + r.receiptCode();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(400);
            return form(model, form, Map.of(), feedback.text(e));
        }
    }

    private String form(Model model, Form form, Map<String, String> errors, @Nullable String failure) {
        model.addAttribute("form", form.submissionKey() == null ? new Form(form.orgCode(), form.category(),
                form.title(), form.content(), form.location(), form.name(), form.phone(), form.anonymous(), newKey())
                : form);
        model.addAttribute("groups", intake.orgGroups());
        model.addAttribute("categories", intake.categories());
        model.addAttribute("errors", errors);
        model.addAttribute("maxFiles", CaseDesk.MAX_FILES);
        model.addAttribute("maxFileMb", CaseDesk.MAX_FILE_BYTES / 1024 / 1024);
        if (failure != null) {
            model.addAttribute("failure", failure);
        }
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
        return TRACK;
    }

    @PostMapping("/track/{code}/rating")
    String rate(@PathVariable String code, @RequestParam(required = false) @Nullable Rating rating,
            HttpServletRequest request, RedirectAttributes redirect) {
        String c = normal(code);
        Decision d = limiter.acquire(Kind.SUBMIT, request);
        if (!d.allowed()) {
            redirect.addFlashAttribute("failure", feedback.text("case.public.error.rateLimited", d.retryAfterSeconds()));
        } else if (rating == null) {
            redirect.addFlashAttribute("failure", feedback.text("case.error.ratingRequired"));
        } else {
            feedbackOf(redirect, () -> desk.ratePublic(c, rating));
        }
        return "redirect:/public/opinions/track/" + c;
    }

    private void feedbackOf(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", feedback.text("case.public.track.rated"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", feedback.text(e));
        }
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
