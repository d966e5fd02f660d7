package org.renda.station;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.renda.shared.validation.ChinesePhone;
import org.renda.shared.validation.YearNumber;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseDesk;
import org.renda.casework.CaseEnums.Kind;
import org.renda.deputy.DeputyRegister;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationEnums.RuleKind;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.StationView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of liaison stations, and the deputy's "my reception days". */
@Controller
class StationPages {

    private final StationNetwork network;
    private final ReceptionRoster roster;
    private final ReceptionLedger ledger;
    private final StationRhythm rhythm;
    private final LedgerPrints prints;
    private final DeputyRegister deputies;
    private final CaseDesk cases;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;
    private final org.renda.shared.web.PublicUrls urls;

    StationPages(StationNetwork network, ReceptionRoster roster, ReceptionLedger ledger, StationRhythm rhythm,
            LedgerPrints prints, DeputyRegister deputies, CaseDesk cases, OrgTree orgs, CurrentActor currentActor,
            Feedback feedback, org.renda.shared.web.PublicUrls urls) {
        this.urls = urls;
        this.network = network;
        this.roster = roster;
        this.ledger = ledger;
        this.rhythm = rhythm;
        this.prints = prints;
        this.deputies = deputies;
        this.cases = cases;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    // ---- the network

    @GetMapping("/stations")
    String list(@RequestParam(required = false) @Nullable @YearNumber Integer year, Model model) {
        LocalDate today = LocalDate.now();
        int y = year == null ? today.getYear() : year;
        model.addAttribute("stations", network.list());
        model.addAttribute("figures", ledger.figures(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).stream()
                .collect(java.util.stream.Collectors.toMap(StationViews.Figures::stationId, f -> f)));
        model.addAttribute("missed", ledger.missed(today, 90));
        model.addAttribute("year", y);
        model.addAttribute("canCreate", currentActor.require().canAny(Permission.STATION_WRITE));
        return "station/list";
    }

    /** The activities held across an organisation's subtree in a year: what the annual report counts. */
    @GetMapping("/stations/activities")
    String heldActivities(@RequestParam long org, @RequestParam @YearNumber int year,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("result", ledger.heldActivities(org, year, page, 50));
        model.addAttribute("orgName", orgs.find(org).map(OrgView::name).orElse(""));
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        return "station/held-activities";
    }

    /** The reception and visit records across a subtree in a year (those with a solved matter): the report's. */
    @GetMapping("/stations/receptions")
    String receptions(@RequestParam long org, @RequestParam @YearNumber int year,
            @RequestParam(defaultValue = "false") boolean solved, @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("result", ledger.recordLines(org, year, solved, page, 50));
        model.addAttribute("orgName", orgs.find(org).map(OrgView::name).orElse(""));
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("solved", solved);
        return "station/receptions";
    }

    @GetMapping("/stations/figures.xlsx")
    ResponseEntity<byte[]> figures(@RequestParam(required = false) @Nullable @YearNumber Integer year) {
        int y = year == null ? LocalDate.now().getYear() : year; // a bare link exports this year
        LedgerPrints.File f = prints.figuresXlsx(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        return Downloads.xlsx(f.data(), f.filename());
    }

    @GetMapping("/stations/new")
    String newForm(Model model) {
        List<OrgView> places = stationOrgs();
        if (places.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("orgs", places);
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("parents", network.writableStations());
        return "station/new";
    }

    @PostMapping("/stations")
    String create(@RequestParam long orgId, @RequestParam String code, @RequestParam String name,
            @RequestParam Tier tier, @RequestParam(required = false) @Nullable Long parentId,
            @RequestParam String address, @RequestParam(required = false) @Nullable String openingHours,
            @RequestParam(required = false) @Nullable String contactPhone,
            @RequestParam(required = false) @Nullable String description, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/new", () -> new Feedback.Next("/stations/" + network.create(orgId,
                new StationNetwork.StationForm(code, name, tier, parentId, address, openingHours, contactPhone,
                        description)).id(), "common.saved"));
    }

    @GetMapping("/stations/{id}")
    String detail(@PathVariable long id, Model model) {
        StationView s = network.get(id);
        LocalDate today = LocalDate.now();
        model.addAttribute("s", s);
        model.addAttribute("staff", network.staff(id));
        model.addAttribute("stationDeputies", network.deputies(id));
        model.addAttribute("rule", roster.rule(id).orElse(null));
        model.addAttribute("upcoming", roster.upcoming(id, today, 4));
        model.addAttribute("records", recent(id, today));
        model.addAttribute("figures", ledger.figures(id, LocalDate.of(today.getYear(), 1, 1), today));
        model.addAttribute("canWrite", network.canWrite(id));
        model.addAttribute("staffRoles", StaffRole.values());
        model.addAttribute("tiers", Tier.values());
        if (network.canWrite(id)) {
            java.util.Set<Long> assigned = network.deputies(id).stream().map(StationViews.StationDeputy::deputyId)
                    .collect(java.util.stream.Collectors.toSet());
            model.addAttribute("candidates", deputies.listAll(new DeputyRegister.Query(null, null, null, null, null,
                    s.orgId(), true)).stream().filter(d -> !assigned.contains(d.id())).toList());
        }
        return "station/detail";
    }

    private List<StationViews.RecordView> recent(long id, LocalDate today) {
        List<StationViews.RecordView> all = new ArrayList<>(ledger.records(id, today.minusYears(1), today));
        java.util.Collections.reverse(all);
        return all.stream().limit(10).toList();
    }

    @PostMapping("/stations/{id}/edit")
    String update(@PathVariable long id, @RequestParam int version, @RequestParam String name,
            @RequestParam Tier tier, @RequestParam(required = false) @Nullable Long parentId,
            @RequestParam String address, @RequestParam(required = false) @Nullable String openingHours,
            @RequestParam(required = false) @Nullable String contactPhone,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        StationView s = network.get(id);
        return feedback.redirect(redirect, "/stations/" + id, () -> network.update(id, version,
                new StationNetwork.StationForm(s.code(), name, tier, parentId, address, openingHours, contactPhone,
                        description), active), "common.saved");
    }

    @PostMapping("/stations/{id}/photo")
    String photo(@PathVariable long id, @RequestParam("photo") MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] data = photo.getBytes();
        return feedback.redirect(redirect, "/stations/" + id, () -> network.uploadPhoto(id, photo.getContentType(),
                data), "common.saved");
    }

    @GetMapping("/stations/{id}/poster.pdf")
    ResponseEntity<byte[]> poster(@PathVariable long id) {
        LedgerPrints.File f = prints.poster(id, urls.absolute(PublicStationPages.PATH + network.get(id).publicCode()));
        return Downloads.pdf(f.data(), f.filename());
    }

    @GetMapping("/stations/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        StationStore.Photo p = network.photo(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noCache()).body(p.data());
    }

    @PostMapping("/stations/{id}/staff")
    String addStaff(@PathVariable long id, @RequestParam String name, @RequestParam StaffRole role,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String phone, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/" + id, () -> network.addStaff(id,
                new StationNetwork.StaffForm(name, role, title, phone, null)), "common.saved");
    }

    @PostMapping("/stations/{id}/staff/{staffId}/delete")
    String removeStaff(@PathVariable long id, @PathVariable long staffId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/" + id, () -> network.removeStaff(id, staffId), "common.saved");
    }

    @PostMapping("/stations/{id}/deputies")
    String assign(@PathVariable long id, @RequestParam List<Long> deputyIds,
            @RequestParam(defaultValue = "false") boolean onRoster, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/" + id,
                () -> deputyIds.forEach(d -> network.assignDeputy(id, d, onRoster)), "common.saved");
    }

    @PostMapping("/stations/{id}/deputies/{deputyId}/delete")
    String unassign(@PathVariable long id, @PathVariable long deputyId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/" + id, () -> network.removeDeputy(id, deputyId),
                "common.saved");
    }

    // ---- reception days

    @GetMapping("/stations/{id}/roster")
    String roster(@PathVariable long id, @RequestParam(required = false) @Nullable @YearNumber Integer year, Model model) {
        StationView s = network.get(id);
        int y = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("s", s);
        model.addAttribute("year", y);
        model.addAttribute("rule", roster.rule(id).orElse(ReceptionRule.monthly(5, s.address(), 3)));
        model.addAttribute("hasRule", roster.rule(id).isPresent());
        List<DayView> days = roster.days(id, y);
        model.addAttribute("days", days);
        java.util.Map<String, Long> perDeputy = new java.util.TreeMap<>();
        days.stream().filter(d -> d.state() != DayState.CANCELLED).flatMap(d -> d.duties().stream())
                .forEach(u -> perDeputy.merge(u.deputyName(), 1L, Long::sum));
        model.addAttribute("perDeputy", perDeputy);
        model.addAttribute("canWrite", network.canWrite(id));
        model.addAttribute("ruleKinds", RuleKind.values());
        model.addAttribute("policies", HolidayPolicy.values());
        model.addAttribute("today", LocalDate.now());
        return "station/roster";
    }

    @PostMapping("/stations/{id}/rule")
    String saveRule(@PathVariable long id, @RequestParam RuleKind kind,
            @RequestParam(required = false) @Nullable Integer dayOfMonth,
            @RequestParam(required = false) @Nullable Integer weekDay,
            @RequestParam(required = false) @Nullable Integer weekOfMonth,
            @RequestParam(required = false) @Nullable List<Integer> months, @RequestParam LocalTime startsAt,
            @RequestParam LocalTime endsAt, @RequestParam String place, @RequestParam int deputiesPerDay,
            @RequestParam HolidayPolicy holidayPolicy, @RequestParam(defaultValue = "7") int noticeDays,
            @RequestParam @YearNumber int year, RedirectAttributes redirect) {
        char[] mask = "000000000000".toCharArray();
        if (months != null) {
            months.stream().filter(m -> m >= 1 && m <= 12).forEach(m -> mask[m - 1] = '1');
        }
        return feedback.redirect(redirect, "/stations/" + id + "/roster?year=" + year, () -> roster.saveRule(id,
                new ReceptionRule(kind, dayOfMonth, weekDay, weekOfMonth, new String(mask), startsAt, endsAt, place,
                        deputiesPerDay, holidayPolicy, noticeDays)), "station.rule.saved");
    }

    @PostMapping("/stations/{id}/roster")
    String generate(@PathVariable long id, @RequestParam @YearNumber int year, RedirectAttributes redirect) {
        String target = "/stations/" + id + "/roster?year=" + year;
        return feedback.redirect(redirect, target, () -> {
            ReceptionRoster.Generated g = roster.generate(id, year, LocalDate.now());
            if (!g.calendarKnown()) {
                redirect.addFlashAttribute("failure", feedback.text("station.roster.noCalendar",
                        String.valueOf(g.year())));
            }
            return new Feedback.Next(target, "station.roster.generated", String.valueOf(g.year()), g.created(),
                    g.assignments(), g.kept());
        });
    }

    @GetMapping("/stations/days/{dayId}")
    String day(@PathVariable long dayId, Model model) {
        DayView d = roster.day(dayId);
        model.addAttribute("d", d);
        model.addAttribute("s", network.get(d.stationId()));
        model.addAttribute("stationDeputies", network.deputies(d.stationId()));
        model.addAttribute("states", DayState.values());
        model.addAttribute("canWrite", network.canWrite(d.stationId()));
        model.addAttribute("dayRecords", ledger.recordsOfDay(dayId));
        model.addAttribute("today", LocalDate.now());
        return "station/day";
    }

    @PostMapping("/stations/days/{dayId}")
    String changeDay(@PathVariable long dayId, @RequestParam int version, @RequestParam LocalDate heldOn,
            @RequestParam LocalTime startsAt, @RequestParam LocalTime endsAt, @RequestParam String place,
            @RequestParam DayState state, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable List<Long> deputyIds, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/days/" + dayId, () -> roster.change(dayId, version,
                new ReceptionRoster.DayChange(heldOn, startsAt, endsAt, place, state, note,
                        deputyIds == null ? List.of() : deputyIds)), "common.saved");
    }

    // ---- records

    static final String RECORD_NEW = "station/record-new";

    /**
     * The reception (or visit) form: any number of matters raised (rows added and removed on the page; an empty
     * row is no matter), any number of photos, the deputies present ticked (from the day's roster when it records
     * a reception day).
     */
    record RecordEntry(@NotNull RecordKind kind, @Nullable Long dayId, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
            @NotBlank @Size(max = 200) String place, @Min(0) @Max(10_000) int visitors,
            @Nullable @Size(max = 50) String visitorName, @Nullable @Size(max = 32) @ChinesePhone String visitorPhone,
            @Nullable Boolean anonymous, @NotBlank @Size(max = 4000) String summary, @Nullable List<Long> deputyIds,
            @Nullable List<@Valid Matter> items, @Nullable List<MultipartFile> photos) {

        /** The matters with something written in them. */
        List<ReceptionLedger.ItemForm> matters() {
            return items == null ? List.of() : items.stream().filter(m -> m != null && m.content() != null
                    && !m.content().isBlank()).map(Matter::form).toList();
        }
    }

    /** One matter raised by a visitor: what they raised, the answer given on the spot, whether that settled it. */
    record Matter(@Nullable @Size(max = 30) String category, @Nullable @Size(max = 2000) String content,
            @Nullable @Size(max = 2000) String answer, @Nullable Boolean resolved) {

        ReceptionLedger.ItemForm form() {
            return new ReceptionLedger.ItemForm(category == null || category.isBlank() ? "其他" : category,
                    content == null ? "" : content.strip(), answer, Boolean.TRUE.equals(resolved));
        }
    }

    @GetMapping("/stations/{id}/records/new")
    String recordForm(@PathVariable long id, @RequestParam(required = false) @Nullable Long dayId,
            @RequestParam(defaultValue = "RECEPTION") RecordKind kind, Model model) {
        StationView s = network.get(id);
        DayView day = dayId == null ? null : roster.day(dayId);
        if (day != null && day.stationId() != id) {
            throw new NotFoundException("error.notFound");
        }
        // The deputies on the day's roster who did not decline are ticked; the clerk unticks who did not come.
        List<Long> present = day == null ? List.of() : day.duties().stream()
                .filter(u -> u.state() != StationEnums.DutyState.DECLINED).map(StationViews.DutyView::deputyId).toList();
        LocalDate today = LocalDate.now();
        model.addAttribute("form", new RecordEntry(kind, dayId, day != null && !day.heldOn().isAfter(today)
                ? day.heldOn() : today, day != null ? day.place() : kind == RecordKind.VISIT ? "" : s.address(), 1, null,
                null, false, "", present, List.of(new Matter(null, null, null, false)), null));
        model.addAttribute("itemErrors", java.util.Map.of());
        return recordPage(id, kind, dayId != null, List.of(new Matter(null, null, null, false)), model);
    }

    /**
     * What the record form shows besides the form: the station, its deputies, the days it may record, and the
     * matter rows as typed (read from the request: a form that failed to bind has no record to ask).
     */
    private String recordPage(long id, RecordKind kind, boolean boundToDay, List<Matter> matters, Model model) {
        StationView s = network.get(id);
        if (!network.canWrite(id)) {
            throw new NotFoundException("error.notFound");
        }
        LocalDate today = LocalDate.now();
        model.addAttribute("s", s);
        model.addAttribute("stationDeputies", network.deputies(id));
        model.addAttribute("categories", cases.categories());
        model.addAttribute("today", today);
        model.addAttribute("visit", kind == RecordKind.VISIT);
        model.addAttribute("boundToDay", boundToDay);
        model.addAttribute("matters", matters.isEmpty() ? List.of(new Matter(null, null, null, false)) : matters);
        // Reception days up to today not cancelled, newest first: the day this reception records.
        List<DayView> days = new ArrayList<>(roster.days(id, today.getYear()));
        if (today.getDayOfYear() < 60) {
            days.addAll(0, roster.days(id, today.getYear() - 1));
        }
        model.addAttribute("recordableDays", days.stream().filter(d -> !d.heldOn().isAfter(today)
                && d.state() != DayState.CANCELLED).sorted(java.util.Comparator.comparing(DayView::heldOn).reversed())
                .limit(12).toList());
        return RECORD_NEW;
    }

    @PostMapping("/stations/{id}/records")
    String record(@PathVariable long id, @Valid @ModelAttribute("form") RecordEntry form, BindingResult binding,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        RecordKind kind = "VISIT".equals(request.getParameter("kind")) ? RecordKind.VISIT : RecordKind.RECEPTION;
        String day = request.getParameter("dayId");
        int rows = request.getParameterMap().keySet().stream().map(MATTER_ROW::matcher).filter(java.util.regex.Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(1);
        List<Matter> typed = java.util.stream.IntStream.range(0, Math.min(rows, 200)).mapToObj(i -> new Matter(
                request.getParameter("items[" + i + "].category"), request.getParameter("items[" + i + "].content"),
                request.getParameter("items[" + i + "].answer"),
                "true".equals(request.getParameter("items[" + i + "].resolved")))).toList();
        // The matters are shown as typed, so their errors are handed over by field name (items[1].content).
        return feedback.submit(binding, redirect, () -> {
            java.util.Map<String, String> itemErrors = new java.util.HashMap<>();
            binding.getFieldErrors().stream().filter(e -> e.getField().startsWith("items["))
                    .forEach(e -> itemErrors.putIfAbsent(e.getField(), e.getDefaultMessage()));
            model.addAttribute("itemErrors", itemErrors);
            return recordPage(id, kind, day != null && !day.isBlank(), typed, model);
        },
                () -> {
            List<ReceptionLedger.Photo> photos = new ArrayList<>();
            for (MultipartFile f : form.photos() == null ? List.<MultipartFile>of() : form.photos()) {
                if (f != null && !f.isEmpty()) {
                    photos.add(new ReceptionLedger.Photo(f.getOriginalFilename() == null ? "photo"
                            : f.getOriginalFilename(), f.getContentType(), bytes(f)));
                }
            }
            StationViews.RecordView saved = ledger.record(id, new ReceptionLedger.RecordForm(form.kind(), form.dayId(),
                    form.occurredOn(), form.place(), form.visitors(), form.visitorName(), form.visitorPhone(),
                    Boolean.TRUE.equals(form.anonymous()), form.summary(), form.deputyIds() == null ? List.of() : form.deputyIds(),
                    form.matters()), photos);
            return new Feedback.Next("/stations/records/" + saved.id(), "station.record.saved");
        });
    }

    private static final java.util.regex.Pattern MATTER_ROW = java.util.regex.Pattern.compile("^items\\[(\\d{1,3})]");

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping("/stations/records/photos/{photoId}")
    ResponseEntity<byte[]> recordPhoto(@PathVariable long photoId) {
        ReceptionRecordStore.PhotoFile p = ledger.photo(photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noCache()).body(p.data());
    }

    @GetMapping("/stations/records/{recordId}")
    String recordDetail(@PathVariable long recordId, Model model) {
        StationViews.RecordView r = ledger.get(recordId);
        model.addAttribute("r", r);
        model.addAttribute("canWrite", network.canWrite(r.stationId()));
        model.addAttribute("mayReadPhone", currentActor.require().can(Permission.STATION_WRITE, r.orgId()));
        model.addAttribute("kinds", Kind.values());
        return "station/record";
    }

    @PostMapping("/stations/items/{itemId}/case")
    String toCase(@PathVariable long itemId, @RequestParam long recordId, @RequestParam long sponsorDeputyId,
            @RequestParam(required = false) @Nullable Kind kind, RedirectAttributes redirect) {
        String target = "/stations/records/" + recordId;
        return feedback.redirect(redirect, target, () -> new Feedback.Next(target, "station.item.caseCreated",
                ledger.toCase(itemId, sponsorDeputyId, kind).caseReceipt()));
    }

    @GetMapping("/stations/{id}/ledger")
    String ledger(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to, Model model) {
        LocalDate today = LocalDate.now();
        LocalDate f = yearStart(from);
        LocalDate t = yearEnd(to);
        model.addAttribute("s", network.get(id));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("records", ledger.records(id, f, t));
        model.addAttribute("figures", ledger.figures(id, f, t));
        return "station/ledger";
    }

    @GetMapping("/stations/{id}/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        LedgerPrints.File f = prints.xlsx(id, yearStart(from), yearEnd(to));
        return Downloads.xlsx(f.data(), f.filename());
    }

    @GetMapping("/stations/{id}/ledger.pdf")
    ResponseEntity<byte[]> ledgerPdf(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        LedgerPrints.File f = prints.pdf(id, yearStart(from), yearEnd(to));
        return Downloads.pdf(f.data(), f.filename());
    }

    // ---- the station's rhythm

    @GetMapping("/stations/{id}/rhythm")
    String rhythm(@PathVariable long id, @RequestParam(required = false) @Nullable @YearNumber Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("s", network.get(id));
        model.addAttribute("year", y);
        model.addAttribute("activities", rhythm.activities(id, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("canWrite", network.canWrite(id));
        model.addAttribute("today", LocalDate.now());
        return "station/rhythm";
    }

    @PostMapping("/stations/{id}/rhythm")
    String plan(@PathVariable long id, @RequestParam @YearNumber int year,
            @RequestParam(required = false) @Nullable List<ActivityKind> kinds,
            @RequestParam(defaultValue = "4") int weekday, RedirectAttributes redirect) {
        String target = "/stations/" + id + "/rhythm?year=" + year;
        return feedback.redirect(redirect, target, () -> new Feedback.Next(target, "station.rhythm.planned",
                rhythm.plan(id, year, new StationRhythm.Plan(kinds == null || kinds.isEmpty()
                        ? java.util.EnumSet.allOf(ActivityKind.class) : java.util.EnumSet.copyOf(kinds), weekday),
                        LocalDate.now())));
    }

    @GetMapping("/stations/activities/{activityId}")
    String activity(@PathVariable long activityId, Model model) {
        StationViews.ActivityView a = rhythm.get(activityId);
        model.addAttribute("a", a);
        model.addAttribute("stationDeputies", network.deputies(a.stationId()));
        model.addAttribute("canWrite", network.canWrite(a.stationId()));
        model.addAttribute("today", LocalDate.now());
        return "station/activity";
    }

    @PostMapping("/stations/activities/{activityId}")
    String hold(@PathVariable long activityId, @RequestParam LocalDate heldOn, @RequestParam String theme,
            @RequestParam String outcome, @RequestParam(required = false) @Nullable List<Long> attended,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/activities/" + activityId, () -> rhythm.hold(activityId, heldOn,
                theme, outcome, attended == null ? List.of() : attended), "station.activity.held");
    }

    @PostMapping("/stations/activities/{activityId}/theme")
    String theme(@PathVariable long activityId, @RequestParam String theme, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/activities/" + activityId, () -> rhythm.theme(activityId, theme),
                "common.saved");
    }

    @PostMapping("/stations/activities/{activityId}/cancel")
    String cancel(@PathVariable long activityId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/activities/" + activityId, () -> rhythm.cancel(activityId),
                "common.saved");
    }

    // ---- the deputy's own reception days

    @GetMapping("/stations/mine")
    String mine(Model model) {
        model.addAttribute("duties", roster.mine(LocalDate.now()));
        model.addAttribute("meetings", rhythm.mine(LocalDate.now()));
        return "station/mine";
    }

    @PostMapping("/stations/duties/{dutyId}/answer")
    String answer(@PathVariable long dutyId, @RequestParam boolean confirm,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/mine", () -> roster.answer(dutyId, confirm, note),
                confirm ? "station.duty.confirmed" : "station.duty.declined");
    }

    @PostMapping("/stations/duties/{dutyId}/swap")
    String swap(@PathVariable long dutyId, @RequestParam long withDutyId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/stations/mine", () -> roster.swap(dutyId, withDutyId),
                "station.duty.swapped");
    }

    private List<OrgView> stationOrgs() {
        return orgs.within(currentActor.reach(Permission.STATION_WRITE)).stream()
                .filter(o -> o.type() != OrgType.DEPARTMENT && o.type() != OrgType.UNIT).toList();
    }

    /** A ledger's period without its start (a bare link): the first day of this year. */
    private static LocalDate yearStart(@Nullable LocalDate from) {
        return from != null ? from : LocalDate.now().withDayOfYear(1);
    }

    /** A ledger's period without its end: the last day of this year. */
    private static LocalDate yearEnd(@Nullable LocalDate to) {
        return to != null ? to : LocalDate.now().withMonth(12).withDayOfMonth(31);
    }
}
