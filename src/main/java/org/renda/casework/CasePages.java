package org.renda.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseViews.CaseView;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.validation.ChinesePhone;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff, unit and deputy pages of casework: lists, a case with its steps, intake, suggestions, figures. */
@Controller
class CasePages {

    static final String LIST = "casework/list";
    static final String DETAIL = "casework/detail";
    static final String INTAKE = "casework/intake";
    static final String SUGGEST = "casework/suggest";
    static final String FIGURES = "casework/figures";

    private final CaseDesk desk;
    private final HotlineImport hotline;
    private final CaseRouting routing;
    private final CaseFigures figures;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    CasePages(CaseDesk desk, HotlineImport hotline, CaseRouting routing, CaseFigures figures, OrgTree orgs,
            CurrentActor currentActor, Feedback feedback) {
        this.desk = desk;
        this.hotline = hotline;
        this.routing = routing;
        this.figures = figures;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    @GetMapping("/cases")
    String list(@RequestParam(defaultValue = "open") String view, @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String category, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) @Nullable Long org, @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable CaseState state, Model model) {
        boolean unit = currentActor.require().canAny(Permission.CASE_HANDLE)
                && !currentActor.require().canAny(Permission.CASE_READ);
        CaseDesk.Query q = new CaseDesk.Query(state, view.equals("open"), view.equals("overdue"), category, text, unit,
                org, year);
        model.addAttribute("page", desk.list(q, page, 50));
        model.addAttribute("view", view);
        model.addAttribute("text", text);
        model.addAttribute("category", category);
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("state", state);
        model.addAttribute("categories", desk.categories());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("canWrite", currentActor.require().canAny(Permission.CASE_WRITE));
        return LIST;
    }

    // --- a case and its steps ---

    /** Assign to a lead unit and co-handling units (picked from the grouped, searchable lists). */
    record AssignForm(@NotNull Long leadUnitId, @Nullable List<Long> coUnitIds, @Nullable Boolean complex,
            @Nullable @Size(max = 5000) String note) {}

    /** The unit's reply; its documents come as {@code files} beside the form. */
    record ReplyForm(@NotBlank @Size(max = 5000) String note, @NotNull Outcome outcome) {}

    /** Return or withdraw: the reason is required. */
    record ReasonForm(@NotBlank @Size(max = 5000) String note) {}

    record MergeForm(@NotBlank @Size(max = 20) String mergeInto, @Nullable @Size(max = 5000) String note) {}

    record RateForm(@NotNull Rating rating) {}

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CaseView c = desk.view(id);
        Set<CaseAction> actions = desk.actionsFor(id);
        model.addAttribute("c", c);
        model.addAttribute("actions", actions);
        model.addAttribute("maySupervise", desk.maySupervise(id));
        model.addAttribute("mayReadPhone", currentActor.require().can(Permission.CASE_WRITE, c.orgId()));
        if (actions.contains(CaseAction.ASSIGN)) {
            List<CaseViews.UnitGroup> groups = desk.unitChoices(id);
            model.addAttribute("unitGroups", groups);
            CaseRouting.Advice advice = routing.advise(id, groups.stream().flatMap(g -> g.units().stream()).toList());
            model.addAttribute("advice", advice);
            if (!model.containsAttribute("assignForm")) {
                model.addAttribute("assignForm", new AssignForm(advice.suggestedUnit() == null ? null
                        : advice.suggestedUnit().id(), List.of(), c.complex(), null));
            }
        }
        addIfAbsent(model, "replyForm", new ReplyForm("", Outcome.SOLVED));
        addIfAbsent(model, "returnForm", new ReasonForm(""));
        addIfAbsent(model, "withdrawForm", new ReasonForm(""));
        addIfAbsent(model, "mergeForm", new MergeForm("", null));
        addIfAbsent(model, "rateForm", new RateForm(null));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("maxFiles", CaseFiles.MAX_FILES);
        model.addAttribute("maxFileMb", CaseFiles.MAX_FILE_BYTES / 1024 / 1024);
        return DETAIL;
    }

    private static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    /**
     * The case page again after a refused step: the step's form shows its errors beside its fields; when the step is
     * no longer offered (someone else took another step first) its refusal shows above the page.
     */
    private String stepRefused(long id, CaseAction action, BindingResult binding, Model model) {
        String page = detail(id, model);
        @SuppressWarnings("unchecked")
        Set<CaseAction> offered = (Set<CaseAction>) model.getAttribute("actions");
        if (offered == null || !offered.contains(action)) {
            model.addAttribute("failure", binding.getAllErrors().stream().map(ObjectError::getDefaultMessage)
                    .filter(java.util.Objects::nonNull).distinct().collect(java.util.stream.Collectors.joining("；")));
        }
        return page;
    }

    private String step(long id, CaseAction action, BindingResult binding, Model model, RedirectAttributes redirect,
            CaseDesk.StepInput in, List<CaseDesk.Upload> documents) {
        return feedback.submit(binding, redirect, () -> stepRefused(id, action, binding, model), () -> {
            desk.act(id, action, in, null, documents);
            return new Feedback.Next("/cases/" + id, "case.done." + action.name());
        });
    }

    @PostMapping("/cases/{id}/assign")
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return step(id, CaseAction.ASSIGN, binding, model, redirect, new CaseDesk.StepInput(form.note(),
                form.leadUnitId(), form.coUnitIds() == null ? List.of() : form.coUnitIds(), null, null, null,
                form.complex()), List.of());
    }

    @PostMapping("/cases/{id}/reply")
    String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        return step(id, CaseAction.REPLY, binding, model, redirect, new CaseDesk.StepInput(form.note(), null,
                List.of(), form.outcome(), null, null, null), uploads(files));
    }

    @PostMapping("/cases/{id}/return")
    String giveBack(@PathVariable long id, @Valid @ModelAttribute("returnForm") ReasonForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return step(id, CaseAction.RETURN, binding, model, redirect, CaseDesk.StepInput.note(form.note()), List.of());
    }

    @PostMapping("/cases/{id}/withdraw")
    String withdraw(@PathVariable long id, @Valid @ModelAttribute("withdrawForm") ReasonForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return step(id, CaseAction.WITHDRAW, binding, model, redirect, CaseDesk.StepInput.note(form.note()), List.of());
    }

    @PostMapping("/cases/{id}/merge")
    String merge(@PathVariable long id, @Valid @ModelAttribute("mergeForm") MergeForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return step(id, CaseAction.MERGE, binding, model, redirect, new CaseDesk.StepInput(form.note(), null,
                List.of(), null, null, form.mergeInto(), null), List.of());
    }

    @PostMapping("/cases/{id}/rate")
    String rate(@PathVariable long id, @Valid @ModelAttribute("rateForm") RateForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return step(id, CaseAction.RATE, binding, model, redirect, new CaseDesk.StepInput(null, null, List.of(), null,
                form.rating(), null, null), List.of());
    }

    /**
     * Triage, sign for, close: a button each. Any other step posted here with its parameters (by a script, or a page
     * kept open from before) is taken too, its refusal flashed above the case; the page's own forms post to the
     * step's address above and get their errors beside their fields.
     */
    @PostMapping("/cases/{id}/act")
    String act(@PathVariable long id, @RequestParam CaseAction action, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable Long leadUnitId,
            @RequestParam(required = false) @Nullable List<Long> coUnitIds,
            @RequestParam(required = false) @Nullable Outcome outcome,
            @RequestParam(required = false) @Nullable Rating rating,
            @RequestParam(required = false) @Nullable String mergeInto,
            @RequestParam(required = false) @Nullable Boolean complex, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/cases/" + id, () -> desk.act(id, action, new CaseDesk.StepInput(note,
                leadUnitId, coUnitIds == null ? List.of() : coUnitIds, outcome, rating, mergeInto, complex)),
                "case.done." + action.name());
    }

    @PostMapping("/cases/{id}/supervise")
    String supervise(@PathVariable long id, @RequestParam boolean on, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/cases/" + id, () -> desk.superviseKey(id, on), "common.saved");
    }

    @GetMapping("/cases/attachments/{aid}")
    ResponseEntity<byte[]> attachment(@PathVariable long aid) {
        CaseStore.File f = desk.attachment(aid);
        // Photos open in the page; anything else (a reply's PDF) is saved, never rendered in our origin.
        String disposition = f.type().startsWith("image/") ? "inline" : "attachment";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.type()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", org.springframework.http.ContentDisposition.builder(disposition)
                        .filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noCache().cachePrivate()).body(f.data());
    }

    // --- intake ---

    /** Staff entry at a reception, a visit, or from the hotline. */
    record IntakeForm(@NotNull Long orgId, @NotNull Source source, @NotNull Kind kind, @NotBlank @Size(max = 30) String category,
            @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String content,
            @Nullable @Size(max = 200) String location, @Nullable @Size(max = 50) String name,
            @Nullable @ChinesePhone String phone, @Nullable Boolean anonymous) {}

    @GetMapping("/cases/new")
    String intakeForm(Model model) {
        addIfAbsent(model, "form", new IntakeForm(null, Source.RECEPTION, Kind.OPINION, null, null, null, null, null,
                null, false));
        return intakePage(model);
    }

    private String intakePage(Model model) {
        if (!currentActor.require().canAny(Permission.CASE_WRITE)) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("categories", desk.categories());
        model.addAttribute("sources", List.of(Source.RECEPTION, Source.VISIT, Source.HOTLINE, Source.STAFF));
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("orgs", intakeOrgs());
        return INTAKE;
    }

    @PostMapping("/cases")
    String intake(@Valid @ModelAttribute("form") IntakeForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> intakePage(model), () -> {
            CaseView c = desk.intake(new CaseDesk.StaffIntake(form.orgId(), form.source(), form.kind(), form.category(),
                    form.title(), form.content(), form.location(), form.name(), form.phone(),
                    Boolean.TRUE.equals(form.anonymous()), null), uploads(files));
            return new Feedback.Next("/cases/" + c.id(), "case.created", c.receiptCode());
        });
    }

    static final String HOTLINE = "casework/hotline";

    @GetMapping("/cases/hotline")
    String hotlineForm(Model model) {
        if (!currentActor.require().canAny(Permission.CASE_WRITE)) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("orgs", intakeOrgs());
        return HOTLINE;
    }

    @PostMapping("/cases/hotline")
    String hotlineImport(@RequestParam long orgId, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("orgs", intakeOrgs());
        try {
            HotlineImport.Result r = hotline.importFile(orgId, file.getOriginalFilename() == null ? "" :
                    file.getOriginalFilename(), file.getBytes());
            model.addAttribute("success", feedback.text("hotline.done", r.created(), r.skipped()));
        } catch (org.renda.shared.excel.ImportRejected e) {
            model.addAttribute("failure", feedback.text(e));
            model.addAttribute("rowErrors", e.errors());
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("failure", feedback.text(e));
        }
        return HOTLINE;
    }

    private List<OrgView> intakeOrgs() {
        return orgs.within(currentActor.reach(Permission.CASE_WRITE),
                java.util.EnumSet.of(OrgType.COUNTY, OrgType.TOWN, OrgType.STREET));
    }

    /** A deputy's suggestion during recess, possibly co-signed. */
    record SuggestForm(@NotBlank @Size(max = 30) String category, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String content, @Nullable @Size(max = 200) String location,
            @Nullable Boolean complex, @Nullable List<Long> cosignerIds) {}

    @GetMapping("/cases/suggest")
    String suggestForm(Model model) {
        addIfAbsent(model, "form", new SuggestForm(null, null, null, null, false, List.of()));
        return suggestPage(model);
    }

    private String suggestPage(Model model) {
        model.addAttribute("categories", desk.categories());
        return SUGGEST;
    }

    @PostMapping("/cases/suggest")
    String suggest(@Valid @ModelAttribute("form") SuggestForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> suggestPage(model), () -> {
            CaseView c = desk.suggest(new CaseDesk.DeputySuggestion(form.category(), form.title(), form.content(),
                    form.location(), Boolean.TRUE.equals(form.complex()),
                    form.cosignerIds() == null ? List.of() : form.cosignerIds()), uploads(files));
            return new Feedback.Next("/cases/" + c.id(), "case.suggested", c.receiptCode());
        });
    }

    @GetMapping("/cases/figures")
    String figures(@RequestParam(defaultValue = "ORG") CaseFigures.By by, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Model model) {
        if (!currentActor.require().canAny(Permission.CASE_READ)) {
            throw new NotFoundException("error.notFound");
        }
        LocalDate start = from == null ? LocalDate.now().withDayOfYear(1) : from;
        LocalDate end = to == null ? LocalDate.now() : to;
        model.addAttribute("rows", figures.figures(by, start, end));
        model.addAttribute("by", by);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return FIGURES;
    }

    @GetMapping("/cases/figures.xlsx")
    ResponseEntity<byte[]> figuresSheet(@RequestParam(defaultValue = "ORG") CaseFigures.By by,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        if (!currentActor.require().canAny(Permission.CASE_READ)) {
            throw new NotFoundException("error.notFound");
        }
        // A bare link exports what the figures page shows by default: this year up to today.
        LocalDate start = from == null ? LocalDate.now().withDayOfYear(1) : from;
        LocalDate end = to == null ? LocalDate.now() : to;
        return Downloads.xlsx(figures.export(by, start, end), "意见建议办理统计-" + start + "至" + end + ".xlsx");
    }

    static List<CaseDesk.Upload> uploads(@Nullable List<MultipartFile> files) {
        List<CaseDesk.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    try {
                        out.add(new CaseDesk.Upload(f.getOriginalFilename() == null ? "file" : f.getOriginalFilename(),
                                f.getContentType(), f.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return out;
    }

    static List<CaseAction> order() {
        return Arrays.asList(CaseAction.values());
    }
}
