package org.renda.deputy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.renda.shared.validation.YearNumber;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DeputyViews.DutyRecordView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Feedback;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Duty records: a deputy's own entry from a phone, staff entry, the review queue, the archive page. */
@Controller
class DutyPages {

    static final String NEW = "deputy/duty-new";
    static final String DETAIL = "deputy/duty";
    static final String REVIEW = "deputy/review";
    static final String ARCHIVE = "deputy/archive";
    /** The oldest records first, a screenful at a time: a clerk works down the queue. */
    static final int REVIEW_PAGE = 50;

    private final DutyLog duties;
    private final DeputyRegister register;
    private final CurrentActor currentActor;
    private final Feedback feedback;
    private final org.renda.org.OrgTree orgs;

    DutyPages(DutyLog duties, DeputyRegister register, CurrentActor currentActor, Feedback feedback,
            org.renda.org.OrgTree orgs) {
        this.orgs = orgs;
        this.duties = duties;
        this.register = register;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** The entry form, from a phone: what was done, when and where, with photos or papers as evidence. */
    record EntryForm(@NotNull DutyType type, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn, @NotBlank @Size(max = 200) String title,
            @Nullable @Size(max = 4000) String content, @Nullable @Size(max = 200) String place,
            @Nullable List<MultipartFile> files) {}

    @GetMapping("/duties/new")
    String form(@RequestParam(required = false) @Nullable Long deputyId, Model model) {
        model.addAttribute("form", new EntryForm(DutyType.RECEPTION, LocalDate.now(), "", "", "", null));
        return entryPage(deputyId, model);
    }

    /** What the entry form shows besides the form: whose archive it is, and whether staff enter it. */
    private String entryPage(@Nullable Long deputyId, Model model) {
        DeputyProfile deputy = deputyId == null
                ? register.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"))
                : register.profile(deputyId);
        if (deputyId != null && !register.canWrite(deputyId)
                && register.mine().map(m -> m.id() != deputyId).orElse(true)) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("deputy", deputy);
        model.addAttribute("types", DutyType.values());
        model.addAttribute("staffEntry", register.canWrite(deputy.id()));
        return NEW;
    }

    @PostMapping("/duties")
    String record(@RequestParam long deputyId, @Valid @ModelAttribute("form") EntryForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> entryPage(deputyId, model), () -> {
            List<DutyLog.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : form.files() == null ? List.<MultipartFile>of() : form.files()) {
                if (f != null && !f.isEmpty()) {
                    uploads.add(new DutyLog.Upload(f.getOriginalFilename() == null ? "file" : f.getOriginalFilename(),
                            f.getContentType(), bytes(f)));
                }
            }
            DutyRecordView saved = duties.record(deputyId, new DutyLog.DutyForm(form.type(), form.occurredOn(),
                    form.title(), form.content(), form.place()), uploads);
            return new Feedback.Next("/duties/" + saved.id(), saved.status() == DutyStatus.VERIFIED
                    ? "duty.savedVerified" : "duty.savedSubmitted");
        });
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping("/duties/{id}")
    String detail(@PathVariable long id, Model model) {
        DutyRecordView r = duties.get(id);
        model.addAttribute("r", r);
        model.addAttribute("evidence", duties.evidence(id));
        model.addAttribute("canReview", r.status() == DutyStatus.SUBMITTED
                && currentActor.require().can(Permission.DUTY_VERIFY, r.orgId()));
        return DETAIL;
    }

    @GetMapping("/duties/evidence/{eid}")
    ResponseEntity<byte[]> evidence(@PathVariable long eid) {
        DutyStore.Evidence e = duties.evidenceFile(eid);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(e.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache()).body(e.data());
    }

    /** The verified duty records of an organisation's subtree in a year (of one type): the annual report's. */
    @GetMapping("/duties/verified")
    String verified(@RequestParam long org, @RequestParam @org.renda.shared.validation.YearNumber int year,
            @RequestParam(required = false) @Nullable DutyType type, @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("result", duties.verified(org, year, type, page, 50));
        model.addAttribute("orgName", orgs.find(org).map(o -> o.name()).orElse(""));
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("type", type);
        return "deputy/verified";
    }

    @GetMapping("/duties/review")
    String review(Model model) {
        if (!currentActor.require().canAny(Permission.DUTY_VERIFY)) {
            throw new NotFoundException("error.notFound");
        }
        List<DutyRecordView> queue = duties.queue(REVIEW_PAGE);
        model.addAttribute("queue", queue);
        model.addAttribute("evidence", duties.queueEvidence(queue));
        model.addAttribute("total", duties.queueSize());
        return REVIEW;
    }

    /** Approves the ticked records at once; rejecting stays one by one, each with its reason. */
    @PostMapping("/duties/review/verify")
    String verifyAll(@RequestParam(name = "dutyRecordIds", required = false) @Nullable List<Long> dutyRecordIds,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/duties/review", () -> {
            DutyLog.Batch done = duties.verifyAll(dutyRecordIds == null ? List.of() : dutyRecordIds);
            return done.alreadyReviewed() == 0
                    ? new Feedback.Next("/duties/review", "duty.review.verifiedMany", done.verified())
                    : new Feedback.Next("/duties/review", "duty.review.verifiedManySkipped", done.verified(),
                            done.alreadyReviewed());
        });
    }

    @PostMapping("/duties/{id}/verify")
    String verify(@PathVariable long id, @RequestParam(defaultValue = "/duties/review") String back,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, safe(back), () -> duties.verify(id), "duty.verified");
    }

    @PostMapping("/duties/{id}/reject")
    String reject(@PathVariable long id, @RequestParam String reason,
            @RequestParam(defaultValue = "/duties/review") String back, RedirectAttributes redirect) {
        return feedback.redirect(redirect, safe(back), () -> duties.reject(id, reason), "duty.rejected");
    }

    /** One calendar year, or without a year the deputy's current (else latest) term. */
    private DutyLog.Archive archiveOf(DeputyProfile d, @Nullable Integer year) {
        if (year != null) {
            return duties.archive(d.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        var seat = d.mandates().stream().filter(m -> m.status().inOffice()).findFirst()
                .or(() -> d.mandates().stream().findFirst());
        int start = seat.map(DeputyViews.MandateView::termStart).orElse(LocalDate.now().getYear());
        int end = seat.map(DeputyViews.MandateView::termEnd).orElse(LocalDate.now().getYear());
        return duties.archive(d.id(), LocalDate.of(start, 1, 1), LocalDate.of(end, 12, 31));
    }

    /** The diary as a spreadsheet, one record a row, for the paper ledgers offices still keep. */
    @GetMapping("/deputies/{id}/archive.xlsx")
    ResponseEntity<byte[]> archiveSheet(@PathVariable long id, @RequestParam(required = false) @Nullable @YearNumber Integer year) {
        DeputyProfile d = register.profile(id);
        DutyLog.Archive a = archiveOf(d, year);
        List<List<?>> rows = a.diary().stream().<List<?>>map(r -> List.of(r.occurredOn().toString(),
                feedback.text(r.type().messageKey()), r.title(), r.place() == null ? "" : r.place(),
                feedback.text(r.status().messageKey()), r.evidenceCount(), r.recordedBy())).toList();
        byte[] xlsx = org.renda.shared.excel.Xlsx.write("履职日记", List.of("日期", "履职类型", "事项", "地点", "状态",
                "附件数", "记录人"), rows);
        return org.renda.shared.web.Downloads.xlsx(xlsx, d.name() + "-履职档案-" + (year == null ? "本届" : year) + ".xlsx");
    }

    @GetMapping("/deputies/{id}/archive")
    String archive(@PathVariable long id, @RequestParam(required = false) @Nullable @YearNumber Integer year, Model model) {
        DeputyProfile d = register.profile(id);
        model.addAttribute("archive", archiveOf(d, year));
        model.addAttribute("year", year);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(
                d.mandates().stream().mapToInt(DeputyViews.MandateView::termStart).min()
                        .orElse(LocalDate.now().getYear()), LocalDate.now().getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("types", DutyType.values());
        return ARCHIVE;
    }

    /** Only local paths: a form cannot send the user elsewhere. */
    private static String safe(String back) {
        return back.startsWith("/") && !back.startsWith("//") ? back : "/duties/review";
    }
}
