package org.renda.web;

import java.util.Map;
import org.renda.audit.AuditTrail;
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

    HomePage(CurrentActor currentActor, OrgDirectory orgs, UserAdministration users, AuditTrail audit) {
        this.currentActor = currentActor;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
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
        if (actor.canAny(Permission.AUDIT_READ)) {
            model.addAttribute("recentChanges", audit.recent(8));
        }
        return VIEW;
    }
}
