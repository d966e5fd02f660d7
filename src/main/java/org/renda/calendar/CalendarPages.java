package org.renda.calendar;

import org.renda.shared.validation.YearNumber;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar pages: a year of holidays and make-up working days for a scope (national or one of the
 * actor's organisations) with add, remove, import and export; and the deadline rules of a scope.
 */
@Controller
@RequestMapping("/calendar")
class CalendarPages {

    static final String YEAR = "calendar/year";
    static final String RULES = "calendar/rules";

    private final HolidayCalendar holidays;
    private final WorkingCalendar calendar;
    private final Deadlines deadlines;
    private final CalendarScopes scopes;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    CalendarPages(HolidayCalendar holidays, WorkingCalendar calendar, Deadlines deadlines, CalendarScopes scopes,
            CurrentActor currentActor, Feedback feedback) {
        this.holidays = holidays;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** One listed day as the year page draws it. */
    record Line(CalendarDay day, String weekday, String source, boolean overridden, boolean removable) {}

    @GetMapping
    String year(@RequestParam(required = false) @Nullable Long org, @RequestParam(required = false) @Nullable @YearNumber Integer year,
            Model model) {
        long scope = scope(org);
        int y = year == null ? LocalDate.now().getYear() : year;
        fillYear(model, scope, y);
        return YEAR;
    }

    @PostMapping("/days")
    String addDay(@RequestParam long org, @RequestParam String date, @RequestParam DayKind kind,
            @RequestParam String name, RedirectAttributes redirect) {
        Optional<LocalDate> day = HolidayFiles.date(date);
        if (day.isEmpty()) {
            redirect.addFlashAttribute("failure", feedback.text("calendar.error.dateInvalid", date));
            return "redirect:/calendar?org=" + org;
        }
        return feedback.redirect(redirect, "/calendar?org=" + org + "&year=" + day.get().getYear(),
                () -> holidays.put(org, new HolidayCalendar.DayForm(day.get(), kind, name)), "calendar.saved");
    }

    @PostMapping("/days/{id}/delete")
    String removeDay(@PathVariable long id, @RequestParam long org, @RequestParam @YearNumber int year, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/calendar?org=" + org + "&year=" + year, () -> holidays.remove(id),
                "calendar.removed");
    }

    @PostMapping("/import")
    String importFile(@RequestParam long org, @RequestParam(required = false) @Nullable @YearNumber Integer year,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model) throws IOException {
        if (!holidays.canWrite(org)) {
            throw new NotFoundException("error.notFound");
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", feedback.text("calendar.import.noFile"));
        } else {
            feedback.imported(model, () -> {
                try (InputStream in = file.getInputStream()) {
                    HolidayCalendar.ImportResult result = holidays.importFile(org, in);
                    return feedback.text("calendar.import.done", result.created(), result.updated(), result.unchanged());
                }
            });
        }
        fillYear(model, org, year == null ? LocalDate.now().getYear() : year);
        return YEAR;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam long org, @RequestParam @YearNumber int year) {
        String name = scopes.name(org, feedback.text("calendar.national"));
        return Downloads.xlsx(holidays.export(org, year), name + "-工作日历-" + year + ".xlsx");
    }

    @GetMapping("/rules")
    String rules(@RequestParam(required = false) @Nullable Long org, Model model) {
        long scope = scope(org);
        Actor actor = currentActor.require();
        model.addAttribute("scopes", scopes.scopes(actor, feedback.text("calendar.national")));
        model.addAttribute("org", scope);
        model.addAttribute("orgName", scopes.name(scope, feedback.text("calendar.national")));
        model.addAttribute("rules", deadlines.rulesOf(scope).stream()
                .map(r -> new RuleView(r, scopes.name(r.effective().orgId(), feedback.text("calendar.national"))))
                .toList());
        model.addAttribute("canWrite", deadlines.canWrite(scope));
        model.addAttribute("units", DeadlineUnit.values());
        return RULES;
    }

    record RuleView(Deadlines.RuleLine line, String source) {}

    @PostMapping("/rules")
    String setRule(@RequestParam long org, @RequestParam String code, @Valid @ModelAttribute Deadlines.RuleChange change,
            BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("failure", feedback.text("deadline.error.invalid"));
            return "redirect:/calendar/rules?org=" + org;
        }
        return feedback.redirect(redirect, "/calendar/rules?org=" + org, () -> deadlines.set(org, code, change),
                "deadline.saved");
    }

    @PostMapping("/rules/reset")
    String resetRule(@RequestParam long org, @RequestParam String code, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/calendar/rules?org=" + org, () -> deadlines.reset(org, code),
                "deadline.resetDone");
    }

    private void fillYear(Model model, long scope, int year) {
        Actor actor = currentActor.require();
        if (year < 2000 || year > 2100) {
            throw new NotFoundException("error.notFound");
        }
        List<CalendarDay> days = holidays.days(scope, year);
        boolean canWrite = holidays.canWrite(scope);
        String national = feedback.text("calendar.national");
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            CalendarDay d = days.get(i);
            boolean overridden = i + 1 < days.size() && days.get(i + 1).date().equals(d.date());
            lines.add(new Line(d, d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale()),
                    scopes.name(d.orgId(), national), overridden, canWrite && d.orgId() == scope));
        }
        model.addAttribute("scopes", scopes.scopes(actor, national));
        model.addAttribute("org", scope);
        model.addAttribute("orgName", scopes.name(scope, national));
        model.addAttribute("year", year);
        model.addAttribute("lines", lines);
        model.addAttribute("holidayCount", lines.stream().filter(l -> !l.overridden() && l.day().kind() == DayKind.HOLIDAY).count());
        model.addAttribute("workdayCount", lines.stream().filter(l -> !l.overridden() && l.day().kind() == DayKind.WORKDAY).count());
        model.addAttribute("workingDays", calendar.of(scope).workingDaysBetween(LocalDate.of(year - 1, 12, 31),
                LocalDate.of(year, 12, 31)));
        model.addAttribute("nationalKnown", calendar.hasNationalDays(year));
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("kinds", DayKind.values());
    }

    /** The scope asked for, or the actor's home organisation when it may read it, else the national calendar. */
    private long scope(@Nullable Long org) {
        Actor actor = currentActor.require();
        if (org != null) {
            scopes.requireRead(actor, org);
            return org;
        }
        return scopes.canRead(actor, actor.homeOrgId()) && actor.homeOrgId() != 0 ? actor.homeOrgId()
                : WorkingCalendar.NATIONAL;
    }
}
