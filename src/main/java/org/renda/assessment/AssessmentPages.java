package org.renda.assessment;

import org.renda.shared.validation.YearNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.Sheet;
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
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assessment pages: schemes, periods with their groups and progress, the phone scoring sheet, results. */
@Controller
class AssessmentPages {

    static final String INDEX = "assessment/index";
    static final String SCHEME = "assessment/scheme";
    static final String PERIOD = "assessment/period";
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

    @GetMapping("/assessments")
    String index(Model model) {
        Actor actor = currentActor.require();
        List<AssessmentViews.SheetSummary> mine = sheets.mine();
        model.addAttribute("mySheets", mine);
        // per period (newest first), the sheets still to do before the submitted ones
        Map<String, List<AssessmentViews.SheetSummary>> byPeriod = new java.util.LinkedHashMap<>();
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
            model.addAttribute("orgs", orgs.within(actor.reach(Permission.ASSESSMENT_WRITE)).stream()
                    .filter(o -> o.type().name().matches("COUNTY|TOWN|STREET|CITY")).sorted(
                            java.util.Comparator.comparingInt(OrgView::depth).thenComparing(OrgView::sortOrder))
                    .toList());
            model.addAttribute("templates", List.of(SchemeTemplates.VILLAGES, SchemeTemplates.TOWNS,
                    SchemeTemplates.DEPUTIES));
            model.addAttribute("year", LocalDate.now().getYear());
        }
        return INDEX;
    }

    @PostMapping("/assessments/schemes")
    String draft(@RequestParam long orgId, @RequestParam String template, @RequestParam String name,
            @RequestParam @YearNumber int forYear, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments", () -> new Feedback.Next("/assessments/schemes/"
                + schemes.draftFromTemplate(orgId, template, name, forYear), "assessment.scheme.drafted"));
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
    }

    private String problem(String p) {
        int colon = p.indexOf(':');
        return feedback.text(p.substring(0, colon), p.substring(colon + 1));
    }

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
    String comment(@PathVariable long id, @RequestParam String body, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/schemes/" + id, () -> schemes.comment(id, body),
                "assessment.scheme.commented");
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
    String openPeriod(@PathVariable long id, @RequestParam PeriodKind kind, @RequestParam String name,
            @RequestParam LocalDate startsOn, @RequestParam LocalDate endsOn, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/schemes/" + id, () -> new Feedback.Next(
                "/assessments/periods/" + desk.openPeriod(id, kind, name, startsOn, endsOn), "assessment.period.opened"));
    }

    @GetMapping("/assessments/periods/{id}")
    String period(@PathVariable long id, Model model) {
        PeriodSummary p = desk.period(id);
        Scheme d = desk.schemeOf(id);
        Actor actor = currentActor.require();
        boolean canWrite = actor.can(Permission.ASSESSMENT_WRITE, p.orgId());
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
        model.addAttribute("canDecide", actor.can(Permission.ASSESSMENT_DECIDE, p.orgId()));
        model.addAttribute("entered", d.indicators().stream().filter(i -> i.method() == Method.ENTERED).toList());
        model.addAttribute("votes", d.indicators().stream()
                .filter(i -> i.method() == Method.VOTE && i.measuredIn(p.kind())).toList());
        model.addAttribute("bonusIndicators", d.indicators().stream().filter(i -> i.method() == Method.BONUS).toList());
        model.addAttribute("decisionKinds", DecisionKind.values());
        if (canWrite && p.status() == PeriodStatus.OPEN) {
            model.addAttribute("leaders", deputies.listAll(new DeputyRegister.Query(null, null, null, null, null,
                    p.orgId(), true)));
            model.addAttribute("users", actor.canAny(Permission.USER_READ) ? users.list("", 300) : List.of());
        }
        return PERIOD;
    }

    @PostMapping("/assessments/periods/{id}/groups")
    String createGroup(@PathVariable long id, @RequestParam String name,
            @RequestParam(required = false) @Nullable Long leaderDeputyId,
            @RequestParam(required = false) @Nullable List<String> indicators,
            @RequestParam(required = false) @Nullable List<Long> subjectIds,
            @RequestParam(required = false) @Nullable List<Long> memberIds, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id, () -> desk.createGroup(id,
                new AssessmentDesk.GroupForm(name, leaderDeputyId, null, indicators == null ? List.of() : indicators,
                        subjectIds == null ? List.of() : subjectIds, memberIds == null ? List.of() : memberIds)),
                "assessment.group.created");
    }

    @PostMapping("/assessments/periods/{id}/rates")
    String rate(@PathVariable long id, @RequestParam long subjectId, @RequestParam String indicator,
            @RequestParam BigDecimal percent, @RequestParam String note, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id, () -> desk.enterRate(subjectId, indicator,
                percent.divide(new BigDecimal("100"), 4, java.math.RoundingMode.HALF_UP), note), "common.saved");
    }

    @PostMapping("/assessments/periods/{id}/bonuses")
    String bonus(@PathVariable long id, @RequestParam long subjectId, @RequestParam String indicator,
            @RequestParam BigDecimal points, @RequestParam String title, @RequestParam String evidence,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id,
                () -> desk.addBonus(subjectId, indicator, points, title, evidence), "common.saved");
    }

    @PostMapping("/assessments/periods/{id}/decisions")
    String decide(@PathVariable long id, @RequestParam long subjectId, @RequestParam DecisionKind kind,
            @RequestParam(required = false) @Nullable BigDecimal points,
            @RequestParam(required = false) @Nullable Integer tiers, @RequestParam String reason,
            @RequestParam(required = false) @Nullable String evidence, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id,
                () -> desk.decide(subjectId, kind, points, tiers, reason, evidence), "assessment.decision.saved");
    }

    @PostMapping("/assessments/decisions/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam long periodId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + periodId, () -> desk.withdrawDecision(id),
                "assessment.decision.withdrawn");
    }

    @PostMapping("/assessments/periods/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "false") boolean allowIncomplete,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id, () -> {
            desk.close(id, allowIncomplete);
            return new Feedback.Next("/assessments/periods/" + id + "/results", "assessment.period.closed");
        });
    }

    @PostMapping("/assessments/periods/{id}/sign")
    String sign(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id + "/results", () -> desk.signOff(id),
                "assessment.period.signed");
    }

    @PostMapping("/assessments/periods/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id + "/results", () -> desk.publish(id),
                "assessment.period.published");
    }

    @PostMapping("/assessments/periods/{id}/finalise")
    String finalise(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id + "/results", () -> desk.finalise(id),
                "assessment.period.finalised");
    }

    @PostMapping("/assessments/appeals/{id}/answer")
    String answer(@PathVariable long id, @RequestParam long periodId, @RequestParam String answer,
            @RequestParam(defaultValue = "false") boolean upheld, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + periodId,
                () -> desk.answerAppeal(id, answer, upheld), "assessment.appeal.answered");
    }

    @GetMapping("/assessments/periods/{id}/results")
    String results(@PathVariable long id, Model model) {
        PeriodSummary p = desk.period(id);
        Actor actor = currentActor.require();
        model.addAttribute("p", p);
        model.addAttribute("d", desk.schemeOf(id));
        model.addAttribute("results", desk.results(id));
        model.addAttribute("canWrite", actor.can(Permission.ASSESSMENT_WRITE, p.orgId()));
        model.addAttribute("canDecide", actor.can(Permission.ASSESSMENT_DECIDE, p.orgId()));
        model.addAttribute("weakest", desk.weakestDeputies(id, 5));
        names(desk.schemeOf(id), model);
        model.addAttribute("today", LocalDate.now());
        return RESULTS;
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

    @GetMapping("/assessments/subjects/{id}")
    String subject(@PathVariable long id, Model model) {
        AssessmentDesk.SubjectResult r = desk.subjectResult(id);
        model.addAttribute("r", r);
        return SUBJECT;
    }

    @GetMapping("/assessments/subjects/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        AssessmentDesk.SubjectResult r = desk.subjectResult(id);
        return Downloads.pdf(exports.notice(id), r.result().subjectName() + "-考核结果通知书.pdf");
    }

    @PostMapping("/assessments/subjects/{id}/appeals")
    String appeal(@PathVariable long id, @RequestParam String body, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/subjects/" + id, () -> desk.appeal(id, body),
                "assessment.appeal.filed");
    }

    @PostMapping("/assessments/periods/{id}/conflicts")
    String conflict(@PathVariable long id, @RequestParam long subjectId, @RequestParam long userId,
            @RequestParam String reason, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/periods/" + id,
                () -> desk.declareConflict(subjectId, userId, reason), "assessment.conflict.saved");
    }

    @GetMapping("/assessments/sheets/{id}")
    String sheet(@PathVariable long id, Model model) {
        Sheet s = sheets.get(id);
        Actor actor = currentActor.require();
        model.addAttribute("s", s);
        model.addAttribute("refusal", sheets.refusal(id));
        model.addAttribute("canReopen", actor.can(Permission.ASSESSMENT_WRITE, s.orgId()));
        return SHEET;
    }

    @PostMapping("/assessments/sheets/{id}")
    String saveSheet(@PathVariable long id, @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean submit, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        Map<String, ScoringSheets.Entry> entries = new HashMap<>();
        try {
            for (var e : form.entrySet()) {
                if (e.getKey().startsWith("points_")) {
                    String code = e.getKey().substring("points_".length());
                    String v = e.getValue() == null ? "" : e.getValue().strip();
                    BigDecimal points = v.isEmpty() ? null : parse(v);
                    entries.put(code, new ScoringSheets.Entry(points, form.get("note_" + code)));
                }
            }
            Sheet saved = sheets.save(id, version, entries, submit);
            redirect.addFlashAttribute("success", feedback.text(submit ? "assessment.sheet.submitted"
                    : "assessment.sheet.saved", saved.summary().subjectName()));
            return submit ? "redirect:/assessments" : "redirect:/assessments/sheets/" + id;
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            // shown on the same page with what was typed, so nothing entered is lost
            sheet(id, model);
            model.addAttribute("typed", form);
            model.addAttribute("failure", feedback.text(e));
            return SHEET;
        }
    }

    private static BigDecimal parse(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new DomainException("assessment.sheet.error.number", v);
        }
    }

    @PostMapping("/assessments/sheets/{id}/reopen")
    String reopen(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/assessments/sheets/" + id, () -> sheets.reopen(id),
                "assessment.sheet.reopened");
    }
}
