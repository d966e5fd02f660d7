package org.renda.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.SheetWorkload;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import jakarta.servlet.http.HttpServletRequest;

/** Puts the actor and the navigation into every page's model; the menu lists only what the actor can use. */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

    record Item(String labelKey, String href, boolean active) {}

    /**
     * One entry of the menu bar: a link, or a group of links opened from its label (a group the actor can use only
     * one link of is shown as that link, so a deputy's short menu has no groups).
     */
    record Entry(String labelKey, List<Item> items) {
        public boolean single() { return items.size() == 1; }
        public Item first() { return items.get(0); }
        public boolean active() { return items.stream().anyMatch(Item::active); }
    }

    private final CurrentActor currentActor;
    private final SheetWorkload sheets;

    Navigation(CurrentActor currentActor, SheetWorkload sheets) {
        this.currentActor = currentActor;
        this.sheets = sheets;
    }

    @ModelAttribute("actor")
    @Nullable Actor actor() {
        return currentActor.current().orElse(null);
    }

    @ModelAttribute("nav")
    List<Entry> nav(HttpServletRequest request) {
        Optional<Actor> actor = currentActor.current();
        if (actor.isEmpty()) {
            return List.of();
        }
        return group(items(actor.get(), request.getRequestURI()));
    }

    private static final String SYSTEM = "nav.group.system";

    /** The groups of the menu bar, in order: each item goes to the group its label key is listed under. */
    private static final List<Map.Entry<String, List<String>>> GROUPS = List.of(
            Map.entry("nav.group.deputies", List.of("nav.myArchive", "nav.deputies", "nav.duties", "nav.myReceptions", "nav.stations")),
            Map.entry("nav.group.supervision", List.of("nav.supervision", "nav.appraisals", "nav.assessments", "nav.mySheets")),
            Map.entry("nav.group.office", List.of("nav.funds", "nav.compliance", "nav.reports")),
            Map.entry(SYSTEM, List.of("nav.orgs", "nav.users", "nav.calendar", "nav.audit")));

    static List<Entry> group(List<Item> items) {
        Map<String, List<Item>> grouped = new LinkedHashMap<>();
        for (Item item : items) {
            String key = GROUPS.stream().filter(g -> g.getValue().contains(item.labelKey())).map(Map.Entry::getKey)
                    .findFirst().orElse(item.labelKey());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<Entry> entries = new ArrayList<>();
        grouped.forEach((key, list) -> entries.add(new Entry(key, List.copyOf(list))));
        // the administration of the platform itself comes after the work, whatever its first item
        entries.sort(java.util.Comparator.comparing(e -> e.labelKey().equals(SYSTEM)));
        return entries;
    }

    List<Item> items(Actor a, String path) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("nav.home", "/", path.equals("/")));
        if (org.renda.dashboard.Dashboard.offeredTo(a)) items.add(new Item("nav.dashboard", "/dashboard", path.startsWith("/dashboard")));
        if (a.canAny(Permission.ORG_READ)) {
            items.add(new Item("nav.orgs", "/orgs", path.startsWith("/orgs")));
        }
        if (a.hasRole(org.renda.shared.Role.DEPUTY)) {
            items.add(new Item("nav.myArchive", "/deputies/mine", path.startsWith("/deputies/mine")));
        }
        if (a.canAny(Permission.DEPUTY_READ)) {
            items.add(new Item("nav.deputies", "/deputies", path.startsWith("/deputies") && !path.startsWith("/deputies/mine")));
        }
        if (a.canAny(Permission.DUTY_VERIFY)) {
            items.add(new Item("nav.duties", "/duties/review", path.startsWith("/duties")));
        }
        if (a.canAny(Permission.CASE_READ) || a.canAny(Permission.CASE_HANDLE) || a.hasRole(org.renda.shared.Role.DEPUTY)) {
            items.add(new Item("nav.cases", "/cases", path.startsWith("/cases")));
        }
        if (a.hasRole(org.renda.shared.Role.DEPUTY)) {
            items.add(new Item("nav.myReceptions", "/stations/mine", path.startsWith("/stations/mine")));
        }
        if (a.canAny(Permission.STATION_READ)) {
            items.add(new Item("nav.stations", "/stations", path.startsWith("/stations") && !path.startsWith("/stations/mine")));
        }
        if (a.canAny(Permission.APPRAISAL_READ) || a.canAny(Permission.APPRAISAL_RESPOND)) {
            items.add(new Item("nav.appraisals", "/appraisals", path.startsWith("/appraisals")));
        }
        if (a.canAny(Permission.SUPERVISION_READ)) {
            items.add(new Item("nav.supervision", "/supervision", path.startsWith("/supervision")));
        }
        // deputies lead evaluator groups, comment on draft schemes and are assessed themselves
        if (a.canAny(Permission.ASSESSMENT_READ) || a.hasRole(org.renda.shared.Role.DEPUTY)) {
            items.add(new Item("nav.assessments", "/assessments", path.startsWith("/assessments")
                    && !path.startsWith("/assessments/sheets")));
        }
        // anyone in an evaluator group scores, whatever their role (a unit's liaison officer, a deputy)
        if (sheets.hasSheets(a)) {
            items.add(new Item("nav.mySheets", "/assessments/sheets/mine", path.startsWith("/assessments/sheets")));
        }
        if (a.canAny(Permission.MEETING_READ)) {
            items.add(new Item("nav.meetings", "/meetings", path.startsWith("/meetings")));
        }
        if (a.canAny(Permission.CALENDAR_WRITE)) {
            items.add(new Item("nav.calendar", "/calendar", path.startsWith("/calendar")));
        }
        if (a.canAny(Permission.FUNDS_READ)) {
            items.add(new Item("nav.funds", "/funds", path.startsWith("/funds")));
        }
        // regulation compliance (issue 14)
        if (a.canAny(Permission.COMPLIANCE_READ)) {
            items.add(new Item("nav.compliance", "/compliance", path.startsWith("/compliance")));
        }
        // annual report (issue 14): for those who read the congress's casework (staff, presiding, superiors)
        if (a.canAny(Permission.CASE_READ)) {
            items.add(new Item("nav.reports", "/reports/annual", path.startsWith("/reports")));
        }
        if (a.canAny(Permission.USER_READ)) {
            items.add(new Item("nav.users", "/users", path.startsWith("/users")));
        }
        if (a.canAny(Permission.AUDIT_READ)) {
            items.add(new Item("nav.audit", "/audit", path.startsWith("/audit")));
        }
        return items;
    }
}
