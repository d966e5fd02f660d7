package org.renda.casework;

import java.time.LocalDate;
import org.renda.casework.CaseWorkload.Bucket;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The list behind a count on the home page: the cases of one {@link Bucket}, the longest waiting first. */
@Controller
class WaitingCasePages {

    static final String VIEW = "casework/waiting";
    static final int LIMIT = 200;

    private final CaseWorkload workload;
    private final CurrentActor currentActor;

    WaitingCasePages(CaseWorkload workload, CurrentActor currentActor) {
        this.workload = workload;
        this.currentActor = currentActor;
    }

    @GetMapping("/cases/waiting")
    String waiting(@RequestParam Bucket what, Model model) {
        Actor actor = currentActor.require();
        if (!actor.canAny(what.permission())) {
            throw new NotFoundException("error.notFound");
        }
        LocalDate today = LocalDate.now();
        model.addAttribute("bucket", what);
        model.addAttribute("rows", workload.list(actor, what, today, LIMIT));
        model.addAttribute("total", workload.counts(actor, today).getOrDefault(what, 0L));
        model.addAttribute("today", today);
        return VIEW;
    }
}
