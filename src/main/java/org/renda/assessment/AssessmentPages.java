package org.renda.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.Sheet;
import org.renda.assessment.AssessmentViews.SheetRow;
import org.renda.assessment.engine.Method;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.deputy.DeputyRegister;
import org.renda.identity.UserAdministration;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.validation.YearNumber;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
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

/**
 * The assessment pages: schemes, periods with their groups, progress and provisional ranking, the phone scoring
 * sheet, results with the presidium's sign-off. Every form with fields is a record bound with {@code @Valid} and
 * re-rendered by {@link Feedback#submit} with each error beside its field; buttons without fields redirect with a
 * flash message.
 */
@Controller
class AssessmentPages {

    static final String INDEX = "assessment/index";
    static final String SCHEME = "assessment/scheme";
    static final String PERIOD = "assessment/period";
    static final String PROVISIONAL = "assessment/provisional";
    static final String SHEET = "assessment/sheet";
    static final String RESULTS = "assessment/results";
    static final String SUBJECT = "assessment/subject";

    private final SchemeBook schemes;
    private final AssessmentDesk desk;
    private final ScoringSheets sheets;
    private final AssessmentExports exports;
    private final DeputyRegister deputies;
    private final UserAdministration users;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    AssessmentPages(SchemeBook schemes, AssessmentDesk desk, ScoringSheets sheets, AssessmentExports exports,
            DeputyRegister deputies, UserAdministration users, OrgTree orgs, CurrentActor currentActor,
            Feedback feedback) {
        this.schemes = schemes;
        this.desk = desk;
        this.sheets = sheets;
        this.exports = exports;
        this.deputies = deputies;
        this.users = users;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    // ---------------------------------------------------------------- forms

    /** A new scheme drafted from a template. */
    record DraftForm(@NotNull Long orgId, @NotBlank String template, @NotBlank @Size(max = 200) String name,
            @NotNull @YearNumber Integer forYear) {}

    /** A deputy's (or staff's) comment on a scheme out for comments. */
    record CommentForm(@NotBlank @Size(max = 2000) String body) {}

    /** A period opened on an approved scheme. */
    record PeriodForm(@NotNull PeriodKind kind, @NotBlank @Size(max = 200) String name, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    /** An evaluator group, led by a deputy, with its indicators, subjects and members. */
    record GroupPageForm(@NotBlank @Size(max = 200) String name, @Nullable Long leaderDeputyId,
            @Nullable List<String> indicators, @Nullable List<Long> subjectIds, @Nullable List<Long> memberIds) {}

    record ConflictForm(@NotNull Long subjectId, @NotNull Long userId, @NotBlank @Size(max = 500) String reason) {}

    /** A satisfaction rate in percent (a paper survey), with where it comes from. */
    record RateForm(@NotNull Long subjectId, @NotBlank String indicator,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percent, @NotBlank @Size(max = 500) String note) {}

    record BonusForm(@NotNull Long subjectId, @NotBlank String indicator, @NotNull @Positive BigDecimal points,
            @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String evidence) {}

    /** A veto, points added or taken, or a tier moved down, always with a reason. */
    record DecisionForm(@NotNull Long subjectId, @NotNull DecisionKind kind,
            @Nullable @DecimalMin("-100") @DecimalMax("100") BigDecimal points, @Nullable @Min(1) @Max(5) Integer tiers,
            @NotBlank @Size(max = 1000) String reason, @Nullable @Size(max = 500) String evidence) {}

    /** The presidium accepts a subject's unscored indicators as zero, with the reason. */
    record ExcuseForm(@NotNull Long subjectId, @Nullable List<String> indicators,
            @NotBlank @Size(max = 1000) String reason, @Nullable @Size(max = 500) String evidence) {}

    /** The sign-off; with subjects still incomplete it needs the presidium's acknowledgement. */
    record SignForm(@Nullable Boolean acknowledgeIncomplete) {

        boolean acknowledged() {
            return Boolean.TRUE.equals(acknowledgeIncomplete);
        }
    }

    record AppealForm(@NotBlank @Size(max = 2000) String body) {}

    /** A scoring sheet as typed: the points and notes by indicator code ({@code points[S1]}, {@code notes[S1]}). */
    record SheetForm(@NotNull Integer version, @Nullable Boolean submit, Map<String, String> points,
            Map<String, String> notes) {

        SheetForm {
            // a sheet posted without any note (or points) binds no map: an empty one keeps notes[S1] readable
            points = points == null ? new LinkedHashMap<>() : points;
            notes = notes == null ? new LinkedHashMap<>() : notes;
        }

        boolean submitting() {
            return Boolean.TRUE.equals(submit);
        }

        static SheetForm of(Sheet s) {
            Map<String, String> points = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            for (SheetRow r : s.rows()) {
                points.put(r.indicator(), r.points() == null ? "" : r.points().stripTrailingZeros().toPlainString());
                notes.put(r.indicator(), r.note() == null ? "" : r.note());
            }
            return new SheetForm(s.version(), false, points, notes);
        }
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---------------------------------------------------------------- index and schemes

    /** The signed-off annual results of an organisation's subtree in a year: what the annual report counts. */
    @GetMapping("/assessments/annual-results")
    String annualResults(@RequestParam long org, @RequestParam @org.renda.shared.validation.YearNumber int year,
            @RequestParam(required = false) AssessmentDesk.@Nullable ReportShow show,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("result", desk.reportResults(org, year, show, page, 50));
        model.addAttribute("orgName", orgs.find(org).map(OrgView::name).orElse(""));
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("show", show);
        return "assessment/annual-results";
    }

    @GetMapping("/assessments")
    String index(Model model) {
        Actor actor = currentActor.require();
        List<AssessmentViews.SheetSummary> mine = sheets.mine();
        model.addAttribute("mySheets", mine);
        // per period (newest first), the sheets still to do before the submitted ones
        Map<String, List<AssessmentViews.SheetSummary>> byPeriod = new LinkedHashMap<>();
        mine.stream().sorted(java.util.Comparator.comparingLong(AssessmentViews.SheetSummary::periodId).reversed()
                .thenComparing(x -> x.status() == AssessmentEnums.SheetStatus.SUBMITTED))
                .forEach(x -> byPeriod.computeIfAbsent(x.periodName(), k -> new java.util.ArrayList<>()).add(x));
        model.addAttribute("sheetsByPeriod", byPeriod);
        model.addAttribute("myResults", desk.mine());
        model.addAttribute("commenting", schemes.openForComment());
        boolean reader = actor.canAny(Permission.ASSESSMENT_READ);
        model.addAttribute("reader", reader);
        model.addAttribute("schemes", reader ? schemes.list() : List.of());
        model.addAttribute("periods", reader ? desk.periods() : List.of());
        boolean writer = actor.canAny(Permission.ASSESSMENT_WRITE);
        model.addAttribute("writer", writer);
        if (writer) {
            List<OrgView> mayDraft = orgs.within(actor.reach(Permission.ASSESSMENT_WRITE), java.util.EnumSet.of(
                            org.renda.org.OrgType.CITY, org.renda.org.OrgType.COUNTY, org.renda.org.OrgType.TOWN,
                            org.renda.org.OrgType.STREET)).stream().sorted(
                            java.util.Comparator.comparingInt(OrgView::depth).thenComparing(OrgView::sortOrder))
                    .toList();
            model.addAttribute("orgs", mayDraft);
            model.addAttribute("templates", List.of(SchemeTemplates.VILLAGES, SchemeTemplates.TOWNS,
                    SchemeTemplates.DEPUTIES));
            if (!model.containsAttribute("draftForm")) {
                model.addAttribute("draftForm", new DraftForm(mayDraft.isEmpty() ? null : mayDraft.get(0).id(),
                        SchemeTemplates.VILLAGES, "", LocalDate.now().getYear()));
            }
        }
        return INDEX;
    }

    @PostMapping("/assessments/schemes")
    String draft(@Valid @ModelAttribute("draftForm") DraftForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> index(model), () -> new Feedback.Next("/assessments/schemes/"
                + schemes.draftFromTemplate(form.orgId(), form.template(), form.name(), form.forYear()),
                "assessment.scheme.drafted"));
    }

    @GetMapping("/assessments/schemes/{id}")
    String scheme(@PathVariable long id, Model model) {
        SchemeBook.SchemeDetail s = schemes.get(id);
        Actor actor = currentActor.require();
        model.addAttribute("s", s);
        model.addAttribute("d", s.definition());
        model.addAttribute("comments", schemes.comments(id));
        model.addAttribute("canWrite", actor.can(Permission.ASSESSMENT_WRITE, s.summary().orgId()));
        model.addAttribute("canDecide", actor.can(Permission.ASSESSMENT_DECIDE, s.summary().orgId()));
        model.addAttribute("periods", desk.periods().stream().filter(p -> p.schemeId() == id).toList());
        model.addAttribute("kinds", PeriodKind.values());
        model.addAttribute("problems", s.problems().stream().map(this::problem).toList());
        if (!model.containsAttribute("periodForm")) {
            model.addAttribute("periodForm", new PeriodForm(PeriodKind.ANNUAL, "", null, null));
        }
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm(""));
        }
        names(s.definition(), model);
        return SCHEME;
    }

    /** Names of the areas and sources by code, and the tie sources' names in order, for the templates. */
    private void names(Scheme d, Model model) {
        Map<String, String> measured = new HashMap<>();
        d.indicators().forEach(i -> measured.put(i.code(), i.periods().isEmpty() ? ""
                : i.periods().stream().sorted().map(k -> feedback.text(k.messageKey()))
                        .collect(java.util.stream.Collectors.joining("、"))));
        model.addAttribute("measuredIn", measured);
        Map<String, String> areas = new HashMap<>();
        d.areas().forEach(a -> areas.put(a.code(), a.name()));
        Map<String, String> sources = new HashMap<>();
        d.sources().forEach(x -> sources.put(x.code(), x.name()));
        model.addAttribute("areaNames", areas);
        model.addAttribute("sourceNames", sources);
        List<String> ties = new java.util.ArrayList<>(d.rules().tieSources().stream()
                .map(c -> sources.getOrDefault(c, c)).toList());
        model.addAttribute("tieNames", ties.isEmpty() ? "—" : String.join("、", ties));
        model.addAttribute("incompleteRule", feedback.text("assessment.incomplete.rule."
                + (d.rules().incomplete() == null ? Scheme.Incomplete.NO_TIER : d.rules().incomplete()).name()));
    }

    private String problem(String p) {
        int colon = p.indexOf(':');
        return feedback.text(p.substring(0, colon), p.substring(colon + 1));
    }

    /** One indicator's name and maximum, from a row of the scheme's table (a button per row: a flash message). */
    @PostMapping("/assessments/schemes/{id}/indicator")
    String editIndicator(@PathVariable long id, @RequestParam int version, @RequestParam String code,
            @RequestParam String name, @RequestParam BigDecimal maxPoints, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/schemes/" + id,
                () -> schemes.updateIndicator(id, version, code, name, maxPoints), "common.saved");
    }

    @PostMapping("/assessments/schemes/{id}/comments-open")
    String openComments(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/schemes/" + id, () -> schemes.openForComments(id),
                "assessment.scheme.commenting");
    }

    @PostMapping("/assessments/schemes/{id}/comments")
    String comment(@PathVariable long id, @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> scheme(id, model), () -> {
            schemes.comment(id, form.body());
            return new Feedback.Next("/assessments/schemes/" + id, "assessment.scheme.commented");
        });
    }

    @PostMapping("/assessments/schemes/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/schemes/" + id, () -> schemes.approve(id),
                "assessment.scheme.approved");
    }

    @PostMapping("/assessments/schemes/{id}/versions")
    String newVersion(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/schemes/" + id, () -> new Feedback.Next(
                "/assessments/schemes/" + schemes.newVersion(id), "assessment.scheme.versioned"));
    }

    @PostMapping("/assessments/schemes/{id}/periods")
    String openPeriod(@PathVariable long id, @Valid @ModelAttribute("periodForm") PeriodForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> scheme(id, model), () -> new Feedback.Next(
                "/assessments/periods/" + desk.openPeriod(id, form.kind(), form.name(), form.startsOn(),
                        form.endsOn()), "assessment.period.opened"));
    }

    // ---------------------------------------------------------------- a period

    @GetMapping("/assessments/periods/{id}")
    String period(@PathVariable long id, Model model) {
        PeriodSummary p = desk.period(id);
        Scheme d = desk.schemeOf(id);
        Actor actor = currentActor.require();
        boolean canWrite = actor.can(Permission.ASSESSMENT_WRITE, p.orgId());
        boolean canDecide = actor.can(Permission.ASSESSMENT_DECIDE, p.orgId());
        model.addAttribute("p", p);
        model.addAttribute("d", d);
        model.addAttribute("subjects", desk.subjects(id));
        model.addAttribute("groups", desk.groups(id));
        model.addAttribute("progress", desk.progress(id));
        model.addAttribute("sheets", desk.sheets(id));
        model.addAttribute("rates", desk.rates(id));
        model.addAttribute("bonuses", desk.bonuses(id));
        model.addAttribute("decisions", desk.decisions(id));
        model.addAttribute("appeals", desk.appeals(id));
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("canDecide", canDecide);
        model.addAttribute("staff", canWrite || canDecide);
        model.addAttribute("entered", d.indicators().stream().filter(i -> i.method() == Method.ENTERED).toList());
        model.addAttribute("votes", d.indicators().stream()
                .filter(i -> i.method() == Method.VOTE && i.measuredIn(p.kind())).toList());
        model.addAttribute("bonusIndicators", d.indicators().stream().filter(i -> i.method() == Method.BONUS).toList());
        model.addAttribute("decisionKinds", List.of(DecisionKind.VETO, DecisionKind.POINTS, DecisionKind.DEMOTE));
        Map<String, String> indicatorNames = new HashMap<>();
        d.indicators().forEach(i -> indicatorNames.put(i.code(), i.name()));
        model.addAttribute("indicatorNames", indicatorNames);
        if (canWrite && p.status() == PeriodStatus.OPEN) {
            model.addAttribute("leaders", deputies.listAll(new DeputyRegister.Query(null, null, null, null, null,
                    p.orgId(), true)));
            model.addAttribute("users", actor.canAny(Permission.USER_READ) ? users.list("", 300) : List.of());
        }
        blank(model, "groupForm", new GroupPageForm("", null, List.of(), List.of(), List.of()));
        blank(model, "conflictForm", new ConflictForm(null, null, ""));
        blank(model, "rateForm", new RateForm(null, "", null, ""));
        blank(model, "bonusForm", new BonusForm(null, "", null, "", ""));
        blank(model, "decisionForm", new DecisionForm(null, DecisionKind.VETO, null, null, "", ""));
        return PERIOD;
    }

    private static void blank(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    /** 暂定排名 while scoring runs: staff and the presidium only (an evaluator gets 404). */
    @GetMapping("/assessments/periods/{id}/provisional")
    String provisional(@PathVariable long id, Model model) {
        PeriodSummary p = desk.period(id);
        model.addAttribute("ranking", desk.provisional(id));
        model.addAttribute("p", p);
        return PROVISIONAL;
    }

    @PostMapping("/assessments/periods/{id}/groups")
    String createGroup(@PathVariable long id, @Valid @ModelAttribute("groupForm") GroupPageForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> period(id, model), () -> {
            desk.createGroup(id, new AssessmentDesk.GroupForm(form.name(), form.leaderDeputyId(), null,
                    orEmpty(form.indicators()), orEmpty(form.subjectIds()), orEmpty(form.memberIds())));
            return new Feedback.Next("/assessments/periods/" + id, "assessment.group.created");
        });
    }

    @PostMapping("/assessments/periods/{id}/rates")
    String rate(@PathVariable long id, @Valid @ModelAttribute("rateForm") RateForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> period(id, model), () -> {
            desk.enterRate(form.subjectId(), form.indicator(),
                    form.percent().divide(new BigDecimal("100"), 4, RoundingMode.HALF_UP), form.note());
            return new Feedback.Next("/assessments/periods/" + id, "common.saved");
        });
    }

    @PostMapping("/assessments/periods/{id}/bonuses")
    String bonus(@PathVariable long id, @Valid @ModelAttribute("bonusForm") BonusForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> period(id, model), () -> {
            desk.addBonus(form.subjectId(), form.indicator(), form.points(), form.title(), form.evidence());
            return new Feedback.Next("/assessments/periods/" + id, "common.saved");
        });
    }

    @PostMapping("/assessments/periods/{id}/decisions")
    String decide(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> period(id, model), () -> {
            desk.decide(form.subjectId(), form.kind(), form.points(), form.tiers(), form.reason(), form.evidence());
            return new Feedback.Next("/assessments/periods/" + id, "assessment.decision.saved");
        });
    }

    @PostMapping("/assessments/decisions/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam long periodId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + periodId, () -> desk.withdrawDecision(id),
                "assessment.decision.withdrawn");
    }

    @PostMapping("/assessments/periods/{id}/conflicts")
    String conflict(@PathVariable long id, @Valid @ModelAttribute("conflictForm") ConflictForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> period(id, model), () -> {
            desk.declareConflict(form.subjectId(), form.userId(), form.reason());
            return new Feedback.Next("/assessments/periods/" + id, "assessment.conflict.saved");
        });
    }

    @PostMapping("/assessments/periods/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "false") boolean allowIncomplete,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id, () -> {
            desk.close(id, allowIncomplete);
            return new Feedback.Next("/assessments/periods/" + id + "/results", "assessment.period.closed");
        });
    }

    /** An answer to an appeal, from the appeal's own row on the period page (a flash message). */
    @PostMapping("/assessments/appeals/{id}/answer")
    String answer(@PathVariable long id, @RequestParam long periodId, @RequestParam String answer,
            @RequestParam(defaultValue = "false") boolean upheld, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + periodId,
                () -> desk.answerAppeal(id, answer, upheld), "assessment.appeal.answered");
    }

    // ---------------------------------------------------------------- results, sign-off, publication

    @GetMapping("/assessments/periods/{id}/results")
    String results(@PathVariable long id, Model model) {
        PeriodSummary p = desk.period(id);
        Actor actor = currentActor.require();
        Scheme d = desk.schemeOf(id);
        model.addAttribute("p", p);
        model.addAttribute("d", d);
        model.addAttribute("results", desk.results(id));
        model.addAttribute("canWrite", actor.can(Permission.ASSESSMENT_WRITE, p.orgId()));
        model.addAttribute("canDecide", actor.can(Permission.ASSESSMENT_DECIDE, p.orgId()));
        model.addAttribute("portalSince", desk.onPortalSince(id).orElse(null));
        model.addAttribute("portalOrgCode", orgs.find(p.orgId()).map(o -> o.code()).orElse(""));
        model.addAttribute("incomplete", p.status().hasResults() ? desk.incomplete(id) : List.of());
        model.addAttribute("weakest", desk.weakestDeputies(id, 5));
        names(d, model);
        model.addAttribute("today", LocalDate.now());
        blank(model, "signForm", new SignForm(false));
        blank(model, "excuseForm", new ExcuseForm(null, List.of(), "", ""));
        return RESULTS;
    }

    @PostMapping("/assessments/periods/{id}/sign")
    String sign(@PathVariable long id, @Valid @ModelAttribute("signForm") SignForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> results(id, model), () -> {
            desk.signOff(id, form.acknowledged());
            return new Feedback.Next("/assessments/periods/" + id + "/results", "assessment.period.signed");
        });
    }

    /** The presidium accepts a subject's unscored indicators as zero (from the sign-off warning). */
    @PostMapping("/assessments/periods/{id}/excuses")
    String excuse(@PathVariable long id, @Valid @ModelAttribute("excuseForm") ExcuseForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> results(id, model), () -> {
            desk.excuse(form.subjectId(), orEmpty(form.indicators()), form.reason(), form.evidence());
            return new Feedback.Next("/assessments/periods/" + id + "/results", "assessment.excuse.saved");
        });
    }

    @PostMapping("/assessments/periods/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id + "/results", () -> desk.publish(id),
                "assessment.period.published");
    }

    /** The presiding officer puts the final results on the public portal, or takes them down ({@code on=false}). */
    @PostMapping("/assessments/periods/{id}/portal")
    String portal(@PathVariable long id, @RequestParam(defaultValue = "true") boolean on, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id + "/results",
                () -> desk.publishOnPortal(id, on), on ? "assessment.portal.published" : "assessment.portal.withdrawn");
    }

    @PostMapping("/assessments/periods/{id}/finalise")
    String finalise(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id + "/results", () -> desk.finalise(id),
                "assessment.period.finalised");
    }

    @GetMapping("/assessments/periods/{id}/results.xlsx")
    ResponseEntity<byte[]> resultsXlsx(@PathVariable long id) {
        PeriodSummary p = desk.period(id);
        return Downloads.xlsx(exports.results(id), p.name() + "-考核结果.xlsx");
    }

    @GetMapping("/assessments/periods/{id}/sheets.xlsx")
    ResponseEntity<byte[]> sheetsXlsx(@PathVariable long id) {
        PeriodSummary p = desk.period(id);
        return Downloads.xlsx(exports.sheets(id), p.name() + "-评分表.xlsx");
    }

    // ---------------------------------------------------------------- a subject's result and appeal

    @GetMapping("/assessments/subjects/{id}")
    String subject(@PathVariable long id, Model model) {
        AssessmentDesk.SubjectResult r = desk.subjectResult(id);
        model.addAttribute("r", r);
        blank(model, "appealForm", new AppealForm(""));
        return SUBJECT;
    }

    @GetMapping("/assessments/subjects/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        AssessmentDesk.SubjectResult r = desk.subjectResult(id);
        return Downloads.pdf(exports.notice(id), r.result().subjectName() + "-考核结果通知书.pdf");
    }

    @PostMapping("/assessments/subjects/{id}/appeals")
    String appeal(@PathVariable long id, @Valid @ModelAttribute("appealForm") AppealForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> subject(id, model), () -> {
            desk.appeal(id, form.body());
            return new Feedback.Next("/assessments/subjects/" + id, "assessment.appeal.filed");
        });
    }

    // ---------------------------------------------------------------- the scoring sheet

    @GetMapping("/assessments/sheets/{id}")
    String sheet(@PathVariable long id, Model model) {
        Sheet s = sheets.get(id);
        Actor actor = currentActor.require();
        model.addAttribute("s", s);
        model.addAttribute("refusal", sheets.refusal(id));
        model.addAttribute("canReopen", actor.can(Permission.ASSESSMENT_WRITE, s.orgId()));
        model.addAttribute("maxTotal", s.rows().stream().map(SheetRow::maxPoints).reduce(BigDecimal.ZERO,
                BigDecimal::add).stripTrailingZeros().toPlainString());
        blank(model, "sheetForm", SheetForm.of(s));
        return SHEET;
    }

    @PostMapping("/assessments/sheets/{id}")
    String saveSheet(@PathVariable long id, @Valid @ModelAttribute("sheetForm") SheetForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> sheet(id, model), () -> {
            Map<String, ScoringSheets.Entry> entries = new HashMap<>();
            form.points().forEach((code, typed) -> {
                String v = typed == null ? "" : typed.strip();
                entries.put(code, new ScoringSheets.Entry(v.isEmpty() ? null : parse(code, v), form.notes().get(code)));
            });
            Sheet saved = sheets.save(id, form.version(), entries, form.submitting());
            return new Feedback.Next(form.submitting() ? "/assessments" : "/assessments/sheets/" + id,
                    form.submitting() ? "assessment.sheet.submitted" : "assessment.sheet.saved",
                    saved.summary().subjectName());
        });
    }

    private static BigDecimal parse(String code, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw DomainException.onField("points[" + code + "]", "assessment.sheet.error.number", v);
        }
    }

    @PostMapping("/assessments/sheets/{id}/reopen")
    String reopen(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/sheets/" + id, () -> sheets.reopen(id),
                "assessment.sheet.reopened");
    }
}
