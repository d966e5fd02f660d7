package org.renda.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.RectificationWorkload;
import org.renda.appraisal.VoteWorkload;
import org.renda.assessment.SheetWorkload;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseWorkload;
import org.renda.casework.CaseWorkload.Bucket;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DutyLog;
import org.renda.identity.UserAdministration;
import org.renda.org.OrgDirectory;
import org.renda.org.OrgType;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.renda.station.ReceptionLedger;
import org.renda.station.ReceptionRoster;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page is the signed-in user's work: for each role what waits for them, counted, each count one tap
 * from the list behind it (a unit's cases and rectification items, an evaluator's scoring sheets, a deputy's
 * reception days, duties and votes, staff's queues). The organisation counts are shown only to a user with no
 * work listed. A visitor who is not signed in gets the public portal instead.
 */
@Controller
class HomePage {

    static final String VIEW = "home";
    static final String PORTAL = "portal";

    /**
     * One thing waiting: a count and where it is listed. {@code detail} names the record it belongs to (a
     * campaign, a vote), {@code alert} marks what is late.
     */
    record Task(String id, String labelKey, @Nullable String detail, long count, String href, boolean alert) {}

    /** The tasks of one area of work, under a heading. */
    record Section(String id, String titleKey, List<Task> tasks) {

        long waiting() {
            return tasks.stream().mapToLong(Task::count).sum();
        }
    }

    private final CurrentActor currentActor;
    private final OrgDirectory orgs;
    private final UserAdministration users;
    private final AuditTrail audit;
    private final DeputyRegister deputies;
    private final DutyLog duties;
    private final ReceptionLedger receptions;
    private final ReceptionRoster roster;
    private final CaseWorkload cases;
    private final RectificationWorkload rectifications;
    private final SheetWorkload sheets;
    private final VoteWorkload votes;
    private final org.renda.meeting.MeetingDesk meetings;
    private final org.renda.portal.Congresses congresses;

    HomePage(CurrentActor currentActor, OrgDirectory orgs, UserAdministration users, AuditTrail audit,
            DeputyRegister deputies, DutyLog duties, ReceptionLedger receptions, ReceptionRoster roster,
            CaseWorkload cases, RectificationWorkload rectifications, SheetWorkload sheets, VoteWorkload votes,
            org.renda.meeting.MeetingDesk meetings, org.renda.portal.Congresses congresses) {
        this.meetings = meetings;
        this.congresses = congresses;
        this.currentActor = currentActor;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.deputies = deputies;
        this.duties = duties;
        this.receptions = receptions;
        this.roster = roster;
        this.cases = cases;
        this.rectifications = rectifications;
        this.sheets = sheets;
        this.votes = votes;
    }

    @GetMapping("/")
    String home(Model model) {
        Optional<Actor> signedIn = currentActor.current();
        if (signedIn.isEmpty()) {
            model.addAttribute("congresses", congresses.groups());
            return PORTAL;
        }
        Actor actor = signedIn.get();
        LocalDate today = LocalDate.now();
        Map<Bucket, Long> caseCounts = cases.counts(actor, today);
        List<Section> sections = new ArrayList<>();

        Optional<DeputyProfile> me = deputies.mine();
        me.ifPresent(deputy -> {
            model.addAttribute("me", deputy);
            model.addAttribute("myArchive", duties.archive(deputy.id(), today.withDayOfYear(1),
                    today.withMonth(12).withDayOfMonth(31)));
            model.addAttribute("myReceptions", roster.mine(today));
            model.addAttribute("myVotes", votes.openToMe());
            model.addAttribute("myMeeting", meetings.nextForMe(today).orElse(null));
            model.addAttribute("myDue", duties.due(today).stream().filter(o -> o.deputy().id() == deputy.id())
                    .map(DutyLog.Overdue::reasonKey).toList());
        });

        if (actor.hasRole(Role.HANDLING_UNIT)) {
            List<Task> unit = new ArrayList<>();
            unit.add(caseTask(Bucket.TO_SIGN, caseCounts, false));
            unit.add(caseTask(Bucket.TO_REPLY, caseCounts, false));
            unit.add(caseTask(Bucket.UNIT_OVERDUE, caseCounts, true));
            sections.add(new Section("unit-cases", "home.section.unitCases", unit));
        }
        if (actor.hasRole(Role.HANDLING_UNIT)) {
            List<Task> items = rectifications.ofUnit(actor, today).stream().map(l -> new Task("rectification-"
                    + l.campaignId(), "home.rectifications", l.campaignTitle(), l.waiting(),
                    l.href(), l.overdue() > 0)).toList();
            if (!items.isEmpty()) {
                sections.add(new Section("unit-rectifications", "home.section.rectifications", items));
            }
        }
        SheetWorkload.Count sheetCount = sheets.of(actor);
        if (sheetCount.total() > 0) {
            sections.add(new Section("my-sheets", "home.section.sheets", List.of(new Task("sheets-open",
                    "home.sheets.open", null, sheetCount.open(), "/assessments/sheets/mine", false))));
        }

        List<Task> staff = new ArrayList<>();
        if (actor.canAny(Permission.DUTY_VERIFY)) {
            staff.add(new Task("duty-review", "home.review", null, duties.queueSize(), "/duties/review", false));
        }
        for (Bucket b : List.of(Bucket.TO_ASSIGN, Bucket.TO_CLOSE, Bucket.OVERDUE, Bucket.SUPERVISED)) {
            if (caseCounts.containsKey(b) && actor.canAny(b.permission())) {
                staff.add(caseTask(b, caseCounts, b == Bucket.OVERDUE));
            }
        }
        if (actor.canAny(Permission.APPRAISAL_WRITE)) {
            rectifications.toAccept(actor, today).forEach(l -> staff.add(new Task("accept-" + l.campaignId(),
                    "home.rectifications.toAccept", l.campaignTitle(), l.waiting(),
                    l.href(), false)));
        }
        if (actor.canAny(Permission.APPRAISAL_READ)) {
            votes.openToRun(actor).forEach(v -> staff.add(new Task("vote-" + v.id(), "home.votes.running", v.title(),
                    1, "/appraisals/votes/" + v.id(), false)));
        }
        if (!staff.isEmpty()) {
            sections.add(new Section("staff-work", "home.section.staff", staff));
        }
        model.addAttribute("sections", sections);

        if (actor.canAny(Permission.STATION_READ)) {
            // a reception day of the last 60 days with nothing held or recorded
            model.addAttribute("missedReceptions", receptions.missed(today, 60));
        }
        boolean hasWork = !sections.isEmpty() || me.isPresent();
        model.addAttribute("hasWork", hasWork);
        if (!hasWork && actor.canAny(Permission.ORG_READ)) {
            model.addAttribute("orgCounts", orgs.countsByType());
        }
        if (actor.canAny(Permission.ORG_WRITE)) {
            model.addAttribute("orgRoots", orgs.visibleRoots());
        }
        if (actor.canAny(Permission.USER_WRITE)) {
            model.addAttribute("userCount", users.countVisible());
            model.addAttribute("lockedCount", users.countLocked());
        }
        if (actor.canAny(Permission.AUDIT_READ)) {
            model.addAttribute("recentChanges", audit.recent(8));
        }
        model.addAttribute("orgTypes", OrgType.values());
        return VIEW;
    }

    private static Task caseTask(Bucket b, Map<Bucket, Long> counts, boolean alert) {
        long n = counts.getOrDefault(b, 0L);
        return new Task("cases-" + b.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), b.messageKey(),
                null, n, "/cases/waiting?what=" + b.name(), alert && n > 0);
    }
}
