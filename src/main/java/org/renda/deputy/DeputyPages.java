package org.renda.deputy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.renda.shared.validation.ChinesePhone;
import org.renda.shared.validation.ResidentId;
import org.renda.shared.validation.YearNumber;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Feedback;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's pages: the filtered list, a new deputy, the deputy's file with seats, photo, nameplate, grids. */
@Controller
class DeputyPages {

    static final String LIST = "deputy/list";
    static final String ROWS = "deputy/list :: rows";
    static final String NEW = "deputy/new";
    static final String DETAIL = "deputy/detail";
    static final String DUE = "deputy/due";
    static final int PAGE_SIZE = 50;

    private final DeputyRegister register;
    private final DutyLog duties;
    private final Commitments commitments;
    private final Grids grids;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    DeputyPages(DeputyRegister register, DutyLog duties, Commitments commitments, Grids grids, OrgTree orgs,
            CurrentActor currentActor, Feedback feedback) {
        this.register = register;
        this.duties = duties;
        this.commitments = commitments;
        this.grids = grids;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** The list's filters as the query string carries them. */
    record ListForm(@Nullable String text, @Nullable DeputyLevel level, @Nullable Integer term, @Nullable String group,
            @Nullable MandateStatus status, @Nullable Long orgId, @Nullable Integer page) {

        DeputyRegister.Query query() {
            return new DeputyRegister.Query(text, level, term, group, status, orgId, false);
        }
    }

    @GetMapping("/deputies")
    String list(@ModelAttribute("filter") ListForm filter, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model) {
        var page = register.list(filter.query(), filter.page() == null ? 1 : filter.page(), PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("orgNames", orgNames(page.rows().stream().map(DeputyViews.DeputySummary::orgId).toList()));
        if (htmx != null) {
            return ROWS;
        }
        model.addAttribute("levels", DeputyLevel.values());
        model.addAttribute("statuses", MandateStatus.values());
        List<String> groups = register.groups();
        model.addAttribute("groups", groups);
        model.addAttribute("groupByName", groups.size() > DeputyRegister.GROUP_CHOICES);
        model.addAttribute("towns", filterTowns(filter.orgId()));
        model.addAttribute("canWrite", currentActor.require().canAny(Permission.DEPUTY_WRITE));
        model.addAttribute("canCreateAccounts", currentActor.require().canAny(Permission.DEPUTY_WRITE)
                && currentActor.require().canAny(Permission.USER_CREATE));
        model.addAttribute("canExportContacts", currentActor.require().canAny(Permission.DEPUTY_CONTACT_EXPORT));
        return LIST;
    }

    static final String GRIDS = "deputy/grids";

    /** The grids of the actor's villages and communities, with the households and voters they hold. */
    @GetMapping("/grids")
    String grids(Model model) {
        var list = grids.list(null);
        model.addAttribute("grids", list);
        model.addAttribute("orgNames", orgNames(list.stream().map(DeputyViews.GridView::orgId).toList()));
        model.addAttribute("canWrite", currentActor.require().canAny(Permission.DEPUTY_WRITE));
        model.addAttribute("households", list.stream().mapToInt(DeputyViews.GridView::households).sum());
        model.addAttribute("voters", list.stream().mapToInt(DeputyViews.GridView::voters).sum());
        return GRIDS;
    }

    @PostMapping("/grids")
    String createGrid(@RequestParam String orgCode, @RequestParam String name, @RequestParam int households,
            @RequestParam int voters, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/grids",
                () -> grids.create(new Grids.GridForm(org(orgCode).id(), name, households, voters)), "grid.created");
    }

    /** A deputy's own file, from the menu. */
    @GetMapping("/deputies/mine")
    String mine() {
        return "redirect:/deputies/" + register.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy")).id();
    }

    @GetMapping("/deputies/due")
    String due(Model model) {
        var due = duties.due(LocalDate.now());
        model.addAttribute("due", due);
        model.addAttribute("orgNames", orgNames(due.stream().map(o -> o.deputy().orgId()).toList()));
        return DUE;
    }

    /** The new-deputy form: person, home organisation and first seat; the register checks the same rules again. */
    record NewForm(@NotBlank @Size(max = 50) String name,
            @Nullable @Pattern(regexp = "^$|男|女", message = "{deputy.gender.pattern}") String gender,
            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @Nullable @Size(max = 20) String ethnicity, @Nullable @Size(max = 40) String party,
            @Nullable @Size(max = 40) String education, @Nullable @Size(max = 100) String occupation,
            @Nullable @Size(max = 100) String workplace, @Nullable @ChinesePhone String phone,
            @Nullable @ResidentId String idNumber, @NotBlank @Size(max = 32) String orgCode,
            @Nullable @Size(max = 32) String congressCode, @NotNull DeputyLevel level,
            @NotNull @Min(1) @Max(99) Integer termNo, @NotNull @Min(1950) @Max(2100) Integer termStart,
            @NotNull @Min(1950) @Max(2100) Integer termEnd, @Nullable @Size(max = 100) String constituency,
            @Nullable @Size(max = 100) String deputyGroup, @Nullable @Size(max = 100) String station,
            @Nullable @Size(max = 32) String cardNumber, @Nullable MandateStatus status,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @Nullable @Size(max = 200) String document) {

        static NewForm empty() {
            int y = LocalDate.now().getYear();
            return new NewForm("", null, null, "汉族", null, null, null, null, null, null, "", "", DeputyLevel.TOWN,
                    null, y, y + 4, null, null, null, null, MandateStatus.ELECTED, LocalDate.now(), null);
        }
    }

    @GetMapping("/deputies/new")
    String newForm(Model model) {
        model.addAttribute("form", NewForm.empty());
        return newPage(model);
    }

    private String newPage(Model model) {
        if (!currentActor.require().canAny(Permission.DEPUTY_WRITE)) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("levels", DeputyLevel.values());
        model.addAttribute("towns", towns());
        return NEW;
    }

    @PostMapping("/deputies")
    String create(@Valid @ModelAttribute("form") NewForm f, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> newPage(model), () -> {
            OrgView home = writableOrg(f.orgCode(), "orgCode");
            OrgView congress = f.congressCode() == null || f.congressCode().isBlank() ? home
                    : existingOrg(f.congressCode(), "congressCode");
            DeputyProfile created = register.register(new DeputyRegister.NewDeputy(home.id(),
                    new DeputyRegister.PersonForm(f.name(), f.gender(), f.birthDate(), f.ethnicity(), f.party(),
                            f.education(), f.occupation(), f.workplace(), f.phone(), f.idNumber(), null),
                    new DeputyRegister.SeatForm(congress.id(), f.level(), f.termNo(), f.termStart(), f.termEnd(),
                            f.constituency(), f.deputyGroup(), f.station(), f.cardNumber(),
                            f.status() == null ? MandateStatus.ELECTED : f.status(), f.since(), f.document())));
            return new Feedback.Next("/deputies/" + created.id(), "deputy.created", created.name());
        });
    }

    /** An organisation typed by code on a form: unknown, inactive or out of reach is said beside the field. */
    private OrgView existingOrg(String code, String field) {
        return orgs.findByCode(code.strip()).filter(OrgView::active)
                .orElseThrow(() -> DomainException.onField(field, "deputy.error.unknownOrg"));
    }

    private OrgView writableOrg(String code, String field) {
        OrgView org = existingOrg(code, field);
        if (!currentActor.require().can(Permission.DEPUTY_WRITE, org.id())) {
            throw DomainException.onField(field, "deputy.error.unknownOrg");
        }
        return org;
    }

    @GetMapping("/deputies/{id}")
    String detail(@PathVariable long id, Model model) {
        DeputyProfile d = register.profile(id);
        int year = LocalDate.now().getYear();
        model.addAttribute("d", d);
        model.addAttribute("home", orgs.find(d.orgId()).orElseThrow());
        model.addAttribute("canWrite", register.canWrite(id));
        model.addAttribute("self", register.mine().map(m -> m.id() == id).orElse(false));
        model.addAttribute("commitments", commitments.of(id, year));
        model.addAttribute("year", year);
        model.addAttribute("gridDuty", grids.dutyOf(id));
        model.addAttribute("homeGrids", grids.list(d.orgId()));
        model.addAttribute("counts", duties.archive(id, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).counts());
        model.addAttribute("nextStatuses", MandateStatus.values());
        model.addAttribute("levels", DeputyLevel.values());
        model.addAttribute("commitmentStatuses", CommitmentStatus.values());
        return DETAIL;
    }

    @PostMapping("/deputies/{id}/profile")
    String update(@PathVariable long id, @RequestParam int version, @ModelAttribute DeputyRegister.PersonForm form,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id, () -> register.update(id, version, form), "common.saved");
    }

    @PostMapping("/deputies/{id}/seats")
    String addSeat(@PathVariable long id, @RequestParam String congressCode, @RequestParam DeputyLevel level,
            @RequestParam int termNo, @RequestParam int termStart, @RequestParam int termEnd,
            @RequestParam(required = false) String constituency, @RequestParam(required = false) String deputyGroup,
            @RequestParam(required = false) String station, @RequestParam MandateStatus status,
            @RequestParam LocalDate since, @RequestParam(required = false) String document,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id, () -> register.addSeat(id, new DeputyRegister.SeatForm(
                org(congressCode).id(), level, termNo, termStart, termEnd, constituency, deputyGroup, station, null,
                status, since, document)), "deputy.seatAdded");
    }

    @PostMapping("/deputies/{id}/seats/{seatId}/status")
    String changeStatus(@PathVariable long id, @PathVariable long seatId, @RequestParam MandateStatus status,
            @RequestParam LocalDate on, @RequestParam(required = false) String document,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id,
                () -> register.changeStatus(seatId, status, on, document, note), "deputy.statusChanged");
    }

    @PostMapping("/deputies/{id}/nameplate/withdraw")
    String withdraw(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id, () -> register.withdrawNameplate(id, reason),
                "deputy.nameplateWithdrawn");
    }

    @PostMapping("/deputies/{id}/nameplate/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id, () -> register.restoreNameplate(id),
                "deputy.nameplateRestored");
    }

    @PostMapping("/deputies/{id}/photo")
    String photo(@PathVariable long id, @RequestParam("photo") MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] data = photo.getBytes();
        return feedback.redirect(redirect, "/deputies/" + id,
                () -> register.uploadPhoto(id, photo.getContentType(), data), "deputy.photoSaved");
    }

    @GetMapping("/deputies/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        DeputyStore.Photo p = register.photo(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noCache()).body(p.data());
    }

    @PostMapping("/deputies/{id}/grids")
    String assignGrid(@PathVariable long id, @RequestParam long gridId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id, () -> grids.assign(id, gridId), "common.saved");
    }

    @PostMapping("/deputies/{id}/grids/{gridId}/remove")
    String unassignGrid(@PathVariable long id, @PathVariable long gridId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id, () -> grids.unassign(id, gridId), "common.saved");
    }

    @PostMapping("/deputies/{id}/commitments")
    String promise(@PathVariable long id, @RequestParam @YearNumber int year, @ModelAttribute Commitments.Promise promise,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id + "#commitments",
                () -> commitments.promise(id, year, promise), "commitment.saved");
    }

    @PostMapping("/deputies/{id}/commitments/{cid}")
    String report(@PathVariable long id, @PathVariable long cid, @ModelAttribute Commitments.Progress progress,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/deputies/" + id + "#commitments", () -> commitments.report(cid, progress),
                "commitment.saved");
    }

    /** An organisation by code; whether the actor may use it is the register's to decide. */
    private OrgView org(@Nullable String code) {
        return orgs.findByCode(code == null ? "" : code.strip()).filter(OrgView::active)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The towns and streets the actor can read, for the organisation filter. */
    private List<OrgView> towns() {
        return orgs.within(currentActor.reach(Permission.DEPUTY_READ), java.util.EnumSet.of(
                org.renda.org.OrgType.COUNTY, org.renda.org.OrgType.TOWN, org.renda.org.OrgType.STREET));
    }

    /** The most organisations the list's filter offers. */
    private static final int FILTER_CHOICES = 300;

    /**
     * The counties, towns and streets the list's filter offers: for a wide reach (a province) only the levels
     * that fit {@link #FILTER_CHOICES}, plus the one picked if it lies deeper.
     */
    private List<OrgView> filterTowns(@Nullable Long picked) {
        var reach = currentActor.reach(Permission.DEPUTY_READ);
        List<OrgView> offered = orgs.pickable(reach, java.util.EnumSet.of(org.renda.org.OrgType.CITY,
                org.renda.org.OrgType.COUNTY, org.renda.org.OrgType.TOWN, org.renda.org.OrgType.STREET), FILTER_CHOICES);
        if (picked == null || offered.stream().anyMatch(o -> o.id() == picked) || !reach.covers(picked)) {
            return offered;
        }
        List<OrgView> withPicked = new java.util.ArrayList<>(offered);
        orgs.find(picked).ifPresent(withPicked::add);
        return withPicked;
    }

    private java.util.Map<Long, String> orgNames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        orgs.findAll(java.util.Set.copyOf(ids)).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }
}
