package org.renda.web;

import java.util.Map;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DutyLog;
import org.renda.identity.UserAdministration;
import org.renda.org.OrgDirectory;
import org.renda.org.OrgType;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home dashboard: each card appears only for a role that can act on it. */
@Controller
class HomePage {

    static final String VIEW = "home";

    private final CurrentActor currentActor;
    private final OrgDirectory orgs;
    private final UserAdministration users;
    private final AuditTrail audit;
    private final DeputyRegister deputies;
    private final DutyLog duties;
    private final org.renda.station.ReceptionLedger receptions;
    private final org.renda.station.ReceptionRoster roster;

    HomePage(CurrentActor currentActor, OrgDirectory orgs, UserAdministration users, AuditTrail audit,
            DeputyRegister deputies, DutyLog duties, org.renda.station.ReceptionLedger receptions,
            org.renda.station.ReceptionRoster roster) {
        this.receptions = receptions;
        this.roster = roster;
        this.currentActor = currentActor;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.deputies = deputies;
        this.duties = duties;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = currentActor.require();
        if (actor.canAny(Permission.ORG_READ)) {
            Map<OrgType, Long> counts = orgs.countsByType();
            model.addAttribute("orgCounts", counts);
            model.addAttribute("orgRoots", orgs.visibleRoots());
        }
        if (actor.canAny(Permission.USER_READ)) {
            model.addAttribute("userCount", users.countVisible());
            model.addAttribute("lockedCount", users.countLocked());
        }
        deputies.mine().ifPresent(me -> {
            int year = java.time.LocalDate.now().getYear();
            model.addAttribute("me", me);
            model.addAttribute("myArchive", duties.archive(me.id(), java.time.LocalDate.of(year, 1, 1),
                    java.time.LocalDate.of(year, 12, 31)));
        });
        if (actor.canAny(Permission.STATION_READ)) {
            // a reception day of the last 60 days with nothing held or recorded
            model.addAttribute("missedReceptions", receptions.missed(java.time.LocalDate.now(), 60));
        }
        if (model.containsAttribute("me")) {
            model.addAttribute("myReceptions", roster.mine(java.time.LocalDate.now()));
        }
        if (actor.canAny(Permission.DUTY_VERIFY)) {
            model.addAttribute("reviewQueue", duties.queueSize());
        }
        if (actor.canAny(Permission.AUDIT_READ)) {
            model.addAttribute("recentChanges", audit.recent(8));
        }
        return VIEW;
    }
}
