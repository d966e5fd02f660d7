package org.renda.supervision;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.AppraisalEnums.RectificationState;
import org.renda.appraisal.Rectifications;
import org.renda.deputy.DeputyRegister;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.renda.shared.validation.YearNumber;
import org.renda.supervision.SupervisionDesk.FindingForm;
import org.renda.supervision.SupervisionDesk.SupervisionGroupForm;
import org.renda.supervision.SupervisionDesk.SubjectForm;
import org.renda.supervision.SupervisionEnums.ActivityKind;
import org.renda.supervision.SupervisionEnums.ActivityState;
import org.renda.supervision.SupervisionEnums.Speciality;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.renda.supervision.SupervisionRhythm.ActivityForm;
import org.renda.supervision.SupervisionRhythm.HoldForm;
import org.renda.supervision.SupervisionViews.SupervisionActivity;
import org.renda.supervision.SupervisionViews.SupervisedSubjectDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision pages: the year's subjects, a subject with its group, rhythm and findings, an activity, the findings to answer. */
@Controller
class SupervisionPages {

    static final String INDEX = "supervision/index";
    static final String NEW = "supervision/new";
    static final String SUBJECT = "supervision/subject";
    static final String ACTIVITY = "supervision/activity";
    static final String FINDINGS = "supervision/findings";
    static final String ACTIVITIES = "supervision/activities";

    private final SupervisionDesk desk;
    private final SupervisionRhythm rhythm;
    private final Rectifications rectifications;
    private final DeputyRegister deputies;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    SupervisionPages(SupervisionDesk desk, SupervisionRhythm rhythm, Rectifications rectifications,
            DeputyRegister deputies, OrgTree orgs, CurrentActor currentActor, Feedback feedback) {
        this.desk = desk;
        this.rhythm = rhythm;
        this.rectifications = rectifications;
        this.deputies = deputies;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    @GetMapping("/supervision")
    String index(@RequestParam(required = false) @Nullable @YearNumber Integer year,
            @RequestParam(required = false) @Nullable Long org, Model model) {
        requireRead();
        int y = year == null ? LocalDate.now().getYear() : year;
        // with an organisation: its subtree's subjects only (the annual report's topics figure links here)
        model.addAttribute("index", org == null ? desk.index(y) : desk.index(org, y));
        model.addAttribute("year", y);
        model.addAttribute("org", org);
        if (org != null) {
            model.addAttribute("filter", filter(org, y));
        }
        return INDEX;
    }

    /**
     * The activities of an organisation's subtree (by default the reader's own organisation) held or planned in the
     * year, of a state and a kind when given: the annual report's activities and inspections figures link here.
     */
    @GetMapping("/supervision/activities")
    String activities(@RequestParam(required = false) @Nullable @YearNumber Integer year,
            @RequestParam(required = false) @Nullable Long org, @RequestParam(required = false) @Nullable ActivityState state,
            @RequestParam(required = false) @Nullable ActivityKind kind, Model model) {
        requireRead();
        int y = year == null ? LocalDate.now().getYear() : year;
        long o = org == null ? currentActor.require().homeOrgId() : org;
        model.addAttribute("activities", desk.activities(o, y, state, kind));
        model.addAttribute("year", y);
        model.addAttribute("org", o);
        model.addAttribute("filter", filter(o, y, kind == null ? null : kind.messageKey(),
                state == null ? null : state.messageKey()));
        return ACTIVITIES;
    }

    /** "罗定市 · 2019年 · 已开展": the organisation, the year and the other filters' names, for the list's filter line. */
    private String filter(long org, int year, @Nullable String... keys) {
        List<String> parts = new java.util.ArrayList<>();
        orgs.find(org).ifPresent(o -> parts.add(o.name()));
        parts.add(feedback.text("listFilter.year", String.valueOf(year)));
        for (String key : keys) {
            if (key != null) {
                parts.add(feedback.text(key));
            }
        }
        return String.join(" · ", parts);
    }

    @GetMapping("/supervision/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable @YearNumber Integer year) {
        requireRead();
        int y = year == null ? LocalDate.now().getYear() : year; // a bare link exports this year
        return Downloads.xlsx(desk.export(y), y + "年监督事项.xlsx");
    }

    @GetMapping("/supervision/subjects/new")
    String newSubject(Model model) {
        model.addAttribute("form", new SubjectForm(null, LocalDate.now().getYear(), SubjectKind.KEY_PROJECT, "", null,
                TopicSource.KEY_PROJECT, null));
        return newPage(model);
    }

    private String newPage(Model model) {
        List<OrgView> congresses = orgs.within(currentActor.reach(Permission.SUPERVISION_WRITE),
                SupervisionDesk.CONGRESSES);
        if (congresses.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("congresses", congresses);
        model.addAttribute("units", desk.unitChoices(congresses.get(0).id()));
        model.addAttribute("kinds", SubjectKind.values());
        model.addAttribute("sources", TopicSource.values());
        return NEW;
    }

    @PostMapping("/supervision/subjects")
    String create(@Valid @ModelAttribute("form") SubjectForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> newPage(model), () -> new Feedback.Next(
                "/supervision/subjects/" + desk.create(form).id(), "supervision.done.created"));
    }

    @GetMapping("/supervision/subjects/{subjectId}")
    String subject(@PathVariable long subjectId, Model model) {
        SupervisedSubjectDetail d = desk.detail(subjectId);
        model.addAttribute("d", d);
        model.addAttribute("s", d.subject());
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("groupForm")) {
            model.addAttribute("groupForm", d.group() == null
                    ? new SupervisionGroupForm(Speciality.OTHER, d.subject().title() + "监督小组", null, List.of())
                    : new SupervisionGroupForm(d.group().speciality(), d.group().name(), d.group().leaderDeputyId(),
                            d.group().members().stream().map(SupervisionViews.GroupMember::deputyId).toList()));
        }
        if (!model.containsAttribute("findingForm")) {
            model.addAttribute("findingForm", new FindingForm("", null));
        }
        if (!model.containsAttribute("activityForm")) {
            model.addAttribute("activityForm", new ActivityForm(ActivityKind.INSPECTION, "", LocalDate.now()));
        }
        model.addAttribute("specialities", Speciality.values());
        model.addAttribute("activityKinds", ActivityKind.values());
        model.addAttribute("candidates", d.mayWrite() ? deputies.listAll(new DeputyRegister.Query(null, null, null,
                null, null, d.subject().orgId(), true)) : List.of());
        return SUBJECT;
    }

    @PostMapping("/supervision/subjects/{subjectId}/group")
    String group(@PathVariable long subjectId, @Valid @ModelAttribute("groupForm") SupervisionGroupForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> subject(subjectId, model), () -> {
            desk.saveGroup(subjectId, form);
            return new Feedback.Next("/supervision/subjects/" + subjectId + "#group", "supervision.done.group");
        });
    }

    @PostMapping("/supervision/subjects/{subjectId}/rhythm")
    String generate(@PathVariable long subjectId, @RequestParam(defaultValue = "FIVE_ONES") String template,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/supervision/subjects/" + subjectId + "#activities", () -> {
            var g = rhythm.generate(subjectId, template);
            return new Feedback.Next("/supervision/subjects/" + subjectId + "#activities", "supervision.done.generated",
                    g.created(), g.kept());
        });
    }

    @PostMapping("/supervision/subjects/{subjectId}/activities")
    String addActivity(@PathVariable long subjectId, @Valid @ModelAttribute("activityForm") ActivityForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> subject(subjectId, model), () -> new Feedback.Next(
                "/supervision/activities/" + rhythm.add(subjectId, form).id(), "supervision.done.planned"));
    }

    @PostMapping("/supervision/subjects/{subjectId}/findings")
    String finding(@PathVariable long subjectId, @Valid @ModelAttribute("findingForm") FindingForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> subject(subjectId, model), () -> {
            RectificationView r = desk.raiseFinding(subjectId, form);
            return new Feedback.Next("/supervision/subjects/" + subjectId + "#rect-" + r.id(), "supervision.done.finding");
        });
    }

    // --- an activity

    @GetMapping("/supervision/activities/{actId}")
    String activity(@PathVariable long actId, Model model) {
        SupervisionActivity a = rhythm.get(actId);
        model.addAttribute("a", a);
        model.addAttribute("s", desk.subject(a.subjectId()));
        model.addAttribute("canWrite", currentActor.require().can(Permission.SUPERVISION_WRITE, a.orgId()));
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("holdForm")) {
            model.addAttribute("holdForm", new HoldForm(a.heldOn() != null ? a.heldOn()
                    : a.plannedOn().isAfter(LocalDate.now()) ? LocalDate.now() : a.plannedOn(),
                    a.place() == null ? "" : a.place(), a.summary() == null ? "" : a.summary(), a.suggestions(),
                    a.attendance().stream().filter(SupervisionViews.SupervisionAttendance::attended)
                            .map(SupervisionViews.SupervisionAttendance::deputyId).toList()));
        }
        return ACTIVITY;
    }

    @PostMapping("/supervision/activities/{actId}")
    String hold(@PathVariable long actId, @RequestParam(defaultValue = "0") int version,
            @Valid @ModelAttribute("holdForm") HoldForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> activity(actId, model), () -> {
            rhythm.hold(actId, version, form);
            return new Feedback.Next("/supervision/activities/" + actId, "supervision.done.held");
        });
    }

    @PostMapping("/supervision/activities/{actId}/cancel")
    String cancel(@PathVariable long actId, @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/supervision/activities/" + actId, () -> rhythm.cancel(actId, version),
                "supervision.done.cancelled");
    }

    @PostMapping("/supervision/activities/{actId}/vote")
    String vote(@PathVariable long actId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/supervision/activities/" + actId, () -> new Feedback.Next(
                "/appraisals/votes/" + desk.startYearEndVote(actId).id(), "supervision.done.vote"));
    }

    // --- the findings to answer (units) and to accept (staff)

    @GetMapping("/supervision/rectifications")
    String findings(@RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable @YearNumber Integer year,
            @RequestParam(required = false) @Nullable RectificationState state, Model model) {
        Actor a = currentActor.require();
        if (!a.canAny(Permission.SUPERVISION_READ) && !a.canAny(Permission.APPRAISAL_RESPOND)) {
            throw new NotFoundException("error.notFound");
        }
        boolean filtered = org != null || year != null || state != null;
        List<RectificationView> items;
        if (filtered) {
            // the rectification ledger's figures link here: every finding of the subtree's year, appraisals' too
            long o = org == null ? a.homeOrgId() : org;
            int y = year == null ? LocalDate.now().getYear() : year;
            items = rectifications.ofYear(o, y, state);
            model.addAttribute("filter", filter(o, y, state == null ? null : state.messageKey()));
        } else {
            items = desk.findings();
        }
        model.addAttribute("findings", items);
        model.addAttribute("respondable", items.stream().filter(r -> a.can(Permission.SUPERVISION_WRITE, r.orgId())
                || r.subjectOrgId() != null && a.can(Permission.APPRAISAL_RESPOND, r.subjectOrgId()))
                .map(RectificationView::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("today", LocalDate.now());
        return FINDINGS;
    }

    @PostMapping("/supervision/rectifications/{rid}/{action}")
    String rectify(@PathVariable long rid, @PathVariable String action, @RequestParam(defaultValue = "0") int version,
            @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        RectificationView r = rectifications.get(rid);
        if (r.subjectId() != null || r.sourceId() == null) {
            throw new NotFoundException("error.notFound"); // an appraisal item is answered on its campaign's pages
        }
        Actor a = currentActor.require();
        String back = a.can(Permission.SUPERVISION_READ, r.orgId())
                ? "/supervision/subjects/" + r.sourceId() + "#rect-" + rid : "/supervision/rectifications#rect-" + rid;
        return feedback.redirect(redirect, back, () -> {
            switch (action) {
                case "report" -> rectifications.report(rid, version, text);
                case "accept" -> rectifications.accept(rid, version, text == null ? "" : text);
                default -> throw new NotFoundException("error.notFound");
            }
        }, "common.saved");
    }

    private void requireRead() {
        if (!currentActor.require().canAny(Permission.SUPERVISION_READ)) {
            throw new NotFoundException("error.notFound");
        }
    }

    static boolean isTown(OrgView o) {
        return o.type() == OrgType.TOWN || o.type() == OrgType.STREET;
    }
}
