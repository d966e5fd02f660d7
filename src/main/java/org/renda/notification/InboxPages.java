package org.renda.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page, and the unread count the menu bar loads with htmx. */
@Controller
@RequestMapping("/inbox")
class InboxPages {

    static final String LIST = "notification/inbox";
    static final String BELL = "fragments/inbox :: count";

    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("items", inbox.items());
        model.addAttribute("unread", inbox.unreadCount());
        return LIST;
    }

    @GetMapping("/bell")
    String bell(Model model) {
        model.addAttribute("unread", inbox.unreadCount());
        return BELL;
    }

    /** Marks the item read and opens what it is about (a path inside Renda), or returns to the inbox. */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        InboxItem item = inbox.open(id);
        String link = item.link();
        return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/inbox");
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id) {
        inbox.open(id);
        return "redirect:/inbox";
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        inbox.markAllRead();
        return "redirect:/inbox";
    }
}
