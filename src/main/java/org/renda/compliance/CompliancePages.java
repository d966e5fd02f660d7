package org.renda.compliance;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.compliance.ComplianceDesk.PartyReportForm;
import org.renda.compliance.ComplianceDesk.RatingForm;
import org.renda.compliance.ComplianceDesk.Upload;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceViews.AssessmentPage;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.ChecklistView;
import org.renda.compliance.ComplianceViews.FileData;
import org.renda.compliance.ComplianceViews.PartyReportFile;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.validation.YearNumber;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compliance pages (条例落实): the overview of an organisation and year (a town's assessment, a county's figures
 * per town and what is missing), the self-assessment on a phone, the county's review, the checklist and its import,
 * and the reports to the Party committee.
 */
@Controller
class CompliancePages {

    static final String OVERVIEW = "compliance/overview";
    static final String ASSESSMENT = "compliance/assessment";
    static final String CHECKLIST = "compliance/checklist";
    static final String IMPORT = "compliance/import";
    static final String PARTY_REPORTS = "compliance/party-reports";

    private final ComplianceDesk desk;
    private final ComplianceFigures figures;
    private final ChecklistImport imports;
    private final ComplianceExport export;
    private final Feedback feedback;
    private final CurrentActor currentActor;

    CompliancePages(ComplianceDesk desk, ComplianceFigures figures, ChecklistImport imports, ComplianceExport export,
            Feedback feedback, CurrentActor currentActor) {
        this.desk = desk;
        this.figures = figures;
        this.imports = imports;
        this.export = export;
        this.feedback = feedback;
        this.currentActor = currentActor;
    }

    private static int year(@Nullable Integer year) {
        return year == null ? LocalDate.now().getYear() : year;
    }

    @GetMapping("/compliance")
    String home(@RequestParam(required = false) @Nullable @YearNumber Integer year, Model model) {
        List<OrgView> places = desk.places();
        if (places.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        long home = currentActor.require().homeOrgId();
        long org = places.stream().anyMatch(o -> o.id() == home) ? home : places.get(0).id();
        return overview(org, year, model);
    }

    @GetMapping("/compliance/go")
    String go(@RequestParam long org, @RequestParam(required = false) @Nullable @YearNumber Integer year) {
        desk.org(org);
        return "redirect:/compliance/" + org + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/compliance/{orgId}")
    String overview(@PathVariable long orgId, @RequestParam(required = false) @Nullable @YearNumber Integer year,
            Model model) {
        int y = year(year);
        OrgView org = desk.org(orgId);
        model.addAttribute("org", org);
        model.addAttribute("year", y);
        int now = LocalDate.now().getYear();
        model.addAttribute("years", List.of(now + 1, now, now - 1, now - 2));
        model.addAttribute("places", desk.places());
        model.addAttribute("summary", figures.summary(orgId, y));
        boolean town = ComplianceDesk.assessable(org);
        model.addAttribute("town", town);
        if (town) {
            model.addAttribute("assessment", desk.assessment(orgId, y).orElse(null));
            model.addAttribute("applicable", desk.applicableTo(orgId).orElse(null));
            model.addAttribute("canWrite", desk.canWrite(orgId));
            model.addAttribute("reports", desk.partyReports(orgId, y));
        }
        model.addAttribute("checklists", desk.checklists().stream().filter(c -> c.orgId() == orgId).toList());
        model.addAttribute("canKeepChecklist", desk.canKeepChecklist(orgId) && !town);
        return OVERVIEW;
    }

    @PostMapping("/compliance/{orgId}/assessments")
    String open(@PathVariable long orgId, @RequestParam(required = false) @Nullable @YearNumber Integer year,
            RedirectAttributes redirect) {
        desk.org(orgId);
        int y = year(year);
        return feedback.redirect(redirect, "/compliance/" + orgId + "?year=" + y, () -> {
            AssessmentView a = desk.open(orgId, y);
            return new Feedback.Next("/compliance/assessments/" + a.id(), "compliance.opened");
        });
    }

    @GetMapping("/compliance/assessments/{assessmentId}")
    String assessment(@PathVariable long assessmentId, Model model) {
        AssessmentPage page = desk.page(assessmentId);
        model.addAttribute("page", page);
        model.addAttribute("a", page.assessment());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("canWrite", page.assessment().status().editable() && desk.canWrite(page.assessment().orgId()));
        model.addAttribute("canReview", page.assessment().status() == ComplianceEnums.Status.SUBMITTED
                && desk.canReview(page.assessment().orgId()));
        Map<String, List<ComplianceViews.ItemLine>> chapters = new LinkedHashMap<>();
        for (ComplianceViews.ItemLine l : page.lines()) {
            chapters.computeIfAbsent(l.rating().chapter(), k -> new ArrayList<>()).add(l);
        }
        model.addAttribute("chapters", chapters);
        return ASSESSMENT;
    }

    @PostMapping("/compliance/ratings/{ratingId}")
    String rate(@PathVariable long ratingId, @Valid @ModelAttribute("ratingForm") RatingForm form,
            BindingResult binding, RedirectAttributes redirect) {
        RatingView r = desk.rating(ratingId);
        String back = "/compliance/assessments/" + r.assessmentId() + "#item-" + r.itemNo();
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("failure", feedback.text(binding.getFieldErrors().get(0)));
            return "redirect:" + back;
        }
        return feedback.redirect(redirect, back, () -> desk.rate(ratingId, form), "compliance.rated");
    }

    @PostMapping("/compliance/ratings/{ratingId}/files")
    String addFiles(@PathVariable long ratingId,
            @RequestParam(value = "files", required = false) @Nullable List<MultipartFile> files,
            RedirectAttributes redirect) {
        RatingView r = desk.rating(ratingId);
        String back = "/compliance/assessments/" + r.assessmentId() + "#item-" + r.itemNo();
        return feedback.redirect(redirect, back, () -> desk.addFiles(ratingId, uploads(files)), "common.saved");
    }

    @GetMapping("/compliance/files/{complianceFileId}")
    ResponseEntity<byte[]> file(@PathVariable long complianceFileId) {
        FileData f = desk.file(complianceFileId);
        return inline(f.fileName(), f.contentType(), f.data());
    }

    @PostMapping("/compliance/assessments/{assessmentId}/submit")
    String submit(@PathVariable long assessmentId, RedirectAttributes redirect) {
        desk.assessment(assessmentId);
        String back = "/compliance/assessments/" + assessmentId;
        return feedback.redirect(redirect, back, () -> desk.submit(assessmentId), "compliance.submitted");
    }

    @PostMapping("/compliance/assessments/{assessmentId}/accept")
    String accept(@PathVariable long assessmentId, @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        desk.assessment(assessmentId);
        String back = "/compliance/assessments/" + assessmentId;
        return feedback.redirect(redirect, back, () -> desk.accept(assessmentId, comment), "compliance.accepted");
    }

    /** The county's return: a comment and, per item, a field {@code note-<ratingId>}. */
    @PostMapping("/compliance/assessments/{assessmentId}/return")
    String returnToTown(@PathVariable long assessmentId, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        desk.assessment(assessmentId);
        Map<Long, String> notes = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("note-") && v != null && !v.isBlank()) {
                try {
                    notes.put(Long.parseLong(k.substring(5)), v);
                } catch (NumberFormatException e) {
                    throw new NotFoundException("error.notFound");
                }
            }
        });
        String back = "/compliance/assessments/" + assessmentId;
        return feedback.redirect(redirect, back, () -> desk.returnToTown(assessmentId, params.get("comment"), notes),
                "compliance.returned");
    }

    @GetMapping("/compliance/{orgId}/figures.xlsx")
    ResponseEntity<byte[]> figuresXlsx(@PathVariable long orgId,
            @RequestParam(required = false) @Nullable @YearNumber Integer year) {
        int y = year(year);
        byte[] body = export.figures(orgId, y);
        return Downloads.xlsx(body, desk.org(orgId).name() + "-" + y + "年条例落实情况.xlsx");
    }

    // --- checklists

    @GetMapping("/compliance/checklists/{checklistId}")
    String checklist(@PathVariable long checklistId, Model model) {
        ChecklistView c = desk.checklist(checklistId);
        model.addAttribute("c", c);
        model.addAttribute("items", desk.items(checklistId));
        return CHECKLIST;
    }

    @GetMapping("/compliance/checklists/template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(imports.template(), "条例落实清单导入模板.xlsx");
    }

    @GetMapping("/compliance/{orgId}/checklists/import")
    String importForm(@PathVariable long orgId, Model model) {
        importable(orgId, model);
        return IMPORT;
    }

    private void importable(long orgId, Model model) {
        OrgView org = desk.org(orgId);
        if (!desk.canKeepChecklist(orgId)) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("org", org);
        model.addAttribute("checklists", desk.checklists().stream().filter(c -> c.orgId() == orgId).toList());
    }

    @PostMapping("/compliance/{orgId}/checklists/import")
    String importSheet(@PathVariable long orgId, @RequestParam(defaultValue = "") String title,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        importable(orgId, model);
        model.addAttribute("title", title);
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", feedback.text("roster.import.noFile"));
            return IMPORT;
        }
        feedback.imported(model, () -> {
            try (InputStream in = file.getInputStream()) {
                ChecklistView c = imports.importSheet(orgId, title, in);
                model.addAttribute("imported", c);
                return feedback.text("compliance.import.done", String.valueOf(c.items()),
                        String.valueOf(c.versionNo()));
            }
        });
        model.addAttribute("checklists", desk.checklists().stream().filter(c -> c.orgId() == orgId).toList());
        return IMPORT;
    }

    // --- reports to the Party committee

    @GetMapping("/compliance/{orgId}/party-reports")
    String partyReports(@PathVariable long orgId, @RequestParam(required = false) @Nullable @YearNumber Integer year,
            Model model) {
        return reportsPage(orgId, year(year), model);
    }

    private String reportsPage(long orgId, int year, Model model) {
        model.addAttribute("org", desk.org(orgId));
        model.addAttribute("year", year);
        model.addAttribute("reports", desk.partyReports(orgId, year));
        model.addAttribute("canWrite", desk.canWrite(orgId));
        if (!model.containsAttribute("reportForm")) {
            LocalDate today = LocalDate.now();
            model.addAttribute("reportForm", new PartyReportForm(year == today.getYear() ? today
                    : LocalDate.of(year, 12, 31), "", null));
        }
        return PARTY_REPORTS;
    }

    @PostMapping("/compliance/{orgId}/party-reports")
    String addPartyReport(@PathVariable long orgId, @Valid @ModelAttribute("reportForm") PartyReportForm form,
            BindingResult binding, @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            Model model, RedirectAttributes redirect) {
        desk.org(orgId);
        int y = form.reportedOn() == null ? LocalDate.now().getYear() : form.reportedOn().getYear();
        return feedback.submit(binding, redirect, () -> reportsPage(orgId, y, model), () -> {
            List<Upload> up = uploads(file == null ? null : List.of(file));
            desk.addPartyReport(orgId, form, up.isEmpty() ? null : up.get(0));
            return new Feedback.Next("/compliance/" + orgId + "/party-reports?year=" + y, "common.saved");
        });
    }

    @PostMapping("/compliance/party-reports/{partyReportId}/outcome")
    String partyReportOutcome(@PathVariable long partyReportId, @RequestParam(required = false) @Nullable String outcome,
            RedirectAttributes redirect) {
        var r = desk.partyReport(partyReportId);
        String back = "/compliance/" + r.orgId() + "/party-reports?year=" + r.year();
        return feedback.redirect(redirect, back, () -> desk.partyReportOutcome(partyReportId, outcome), "common.saved");
    }

    @GetMapping("/compliance/party-reports/{partyReportId}/file")
    ResponseEntity<byte[]> partyReportFile(@PathVariable long partyReportId) {
        PartyReportFile f = desk.partyReportFile(partyReportId);
        return inline(f.fileName(), f.contentType(), f.data());
    }

    private static ResponseEntity<byte[]> inline(String name, String type, byte[] data) {
        boolean inline = type.startsWith("image/") || type.equals("application/pdf");
        ContentDisposition d = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.toString()).header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache()).body(data);
    }

    private static List<Upload> uploads(@Nullable List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f == null || f.isEmpty()) {
                continue;
            }
            try {
                out.add(new Upload(String.valueOf(f.getOriginalFilename()), f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
