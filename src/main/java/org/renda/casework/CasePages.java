package org.renda.casework;

import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
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
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
            Model model) {
        boolean unit = currentActor.require().canAny(Permission.CASE_HANDLE)
                && !currentActor.require().canAny(Permission.CASE_READ);
        CaseDesk.Query q = new CaseDesk.Query(null, view.equals("open"), view.equals("overdue"), category, text, unit);
        model.addAttribute("page", desk.list(q, page, 50));
        model.addAttribute("view", view);
        model.addAttribute("text", text);
        model.addAttribute("category", category);
        model.addAttribute("categories", desk.categories());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("canWrite", currentActor.require().canAny(Permission.CASE_WRITE));
        return LIST;
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CaseView c = desk.view(id);
        model.addAttribute("c", c);
        model.addAttribute("actions", desk.actionsFor(id));
        model.addAttribute("maySupervise", desk.maySupervise(id));
        model.addAttribute("mayReadPhone", currentActor.require().can(Permission.CASE_WRITE, c.orgId()));
        List<OrgView> units = units(c.orgId());
        model.addAttribute("units", units);
        if (desk.actionsFor(id).contains(CaseAction.ASSIGN)) {
            model.addAttribute("advice", routing.advise(id, units));
        }
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("today", LocalDate.now());
        return DETAIL;
    }

    @PostMapping("/cases/{id}/act")
    String act(@PathVariable long id, @RequestParam CaseAction action, @RequestParam(required = false) String note,
            @RequestParam(required = false) Long leadUnitId, @RequestParam(required = false) List<Long> coUnitIds,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Rating rating,
            @RequestParam(required = false) String mergeInto, @RequestParam(required = false) Boolean complex,
            RedirectAttributes redirect) {
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
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.type()))
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noCache()).body(f.data());
    }

    @GetMapping("/cases/new")
    String intakeForm(Model model) {
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
    String intake(@RequestParam long orgId, @RequestParam Source source, @RequestParam Kind kind,
            @RequestParam String category, @RequestParam String title, @RequestParam String content,
            @RequestParam(required = false) String location, @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone, @RequestParam(defaultValue = "false") boolean anonymous,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
            throws IOException {
        List<CaseDesk.Upload> uploads = uploads(files);
        try {
            CaseView c = desk.intake(new CaseDesk.StaffIntake(orgId, source, kind, category, title, content, location,
                    name, phone, anonymous, null), uploads);
            redirect.addFlashAttribute("success", feedback.text("case.created", c.receiptCode()));
            return "redirect:/cases/" + c.id();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", feedback.text(e));
            return "redirect:/cases/new";
        } catch (ConstraintViolationException e) {
            redirect.addFlashAttribute("failure", feedback.text(e));
            return "redirect:/cases/new";
        }
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
        return orgs.within(currentActor.reach(Permission.CASE_WRITE)).stream()
                .filter(o -> o.type() == OrgType.TOWN || o.type() == OrgType.STREET || o.type() == OrgType.COUNTY)
                .toList();
    }

    @GetMapping("/cases/suggest")
    String suggestForm(Model model) {
        model.addAttribute("categories", desk.categories());
        return SUGGEST;
    }

    @PostMapping("/cases/suggest")
    String suggest(@RequestParam String category, @RequestParam String title, @RequestParam String content,
            @RequestParam(required = false) String location, @RequestParam(defaultValue = "false") boolean complex,
            @RequestParam(required = false) List<Long> cosignerIds,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
            throws IOException {
        List<CaseDesk.Upload> uploads = uploads(files);
        try {
            CaseView c = desk.suggest(new CaseDesk.DeputySuggestion(category, title, content, location, complex,
                    cosignerIds == null ? List.of() : cosignerIds), uploads);
            redirect.addFlashAttribute("success", feedback.text("case.suggested", c.receiptCode()));
            return "redirect:/cases/" + c.id();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", feedback.text(e));
            return "redirect:/cases/suggest";
        } catch (ConstraintViolationException e) {
            redirect.addFlashAttribute("failure", feedback.text(e));
            return "redirect:/cases/suggest";
        }
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

    /** The units a case of this organisation can be assigned to: its county's departments and its own villages. */
    private List<OrgView> units(long caseOrgId) {
        OrgView org = orgs.find(caseOrgId).orElseThrow();
        Set<Long> ids = new java.util.HashSet<>(orgs.subtreeIds(caseOrgId));
        for (long ancestor : org.lineage()) {
            orgs.find(ancestor).filter(o -> o.type() == OrgType.COUNTY).ifPresent(county ->
                    orgs.findAll(orgs.subtreeIds(county.id())).stream()
                            .filter(o -> o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT)
                            .forEach(o -> ids.add(o.id())));
        }
        List<OrgView> units = new ArrayList<>(orgs.findAll(ids).stream().filter(OrgView::active)
                .filter(o -> o.type() != OrgType.COUNTY && o.id() != caseOrgId).toList());
        units.sort(java.util.Comparator.comparing((OrgView o) -> o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT ? 0 : 1)
                .thenComparing(OrgView::sortOrder));
        return units;
    }

    private static List<CaseDesk.Upload> uploads(@Nullable List<MultipartFile> files) throws IOException {
        List<CaseDesk.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    out.add(new CaseDesk.Upload(f.getOriginalFilename() == null ? "photo" : f.getOriginalFilename(),
                            f.getContentType(), f.getBytes()));
                }
            }
        }
        return out;
    }

    static List<CaseAction> order() {
        return Arrays.asList(CaseAction.values());
    }
}
