package org.renda.audit;

import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit pages: recent changes, one record's history, and (for administrators) the chain check. */
@Controller
class AuditPages {

    static final String LOG = "audit/log";
    static final String HISTORY = "audit/history";

    private final AuditTrail trail;
    private final CurrentActor currentActor;

    AuditPages(AuditTrail trail, CurrentActor currentActor) {
        this.trail = trail;
        this.currentActor = currentActor;
    }

    @GetMapping("/audit")
    String log(Model model) {
        model.addAttribute("entries", trail.recent(100));
        model.addAttribute("canVerify", currentActor.require().canAny(Permission.AUDIT_VERIFY));
        return LOG;
    }

    @GetMapping("/audit/history")
    String history(@RequestParam String type, @RequestParam String id, Model model) {
        var entries = trail.history(type, id);
        if (entries.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("entries", entries);
        model.addAttribute("type", type);
        model.addAttribute("id", id);
        return HISTORY;
    }

    @PostMapping("/audit/verify")
    String verify(RedirectAttributes redirect) {
        if (!currentActor.require().canAny(Permission.AUDIT_VERIFY)) {
            throw new NotFoundException("error.notFound");
        }
        redirect.addFlashAttribute("verification", trail.verify());
        return "redirect:/audit";
    }
}
