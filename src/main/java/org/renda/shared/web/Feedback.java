package org.renda.shared.web;

import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every page controller tells the user after a form post: Post/Redirect/Get with a flash message in
 * the user's language. A record outside the actor's reach still answers 404, never a flash message.
 */
@Component
public class Feedback {

    private final MessageSource messages;

    Feedback(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public String text(DomainException e) {
        return text(e.messageKey(), e.args());
    }

    /** Runs the action; flashes its success message or its domain error; redirects to {@code target}. */
    public String redirect(RedirectAttributes redirect, String target, Runnable action, String successKey) {
        try {
            action.run();
            redirect.addFlashAttribute("success", text(successKey));
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", text(e));
        }
        return "redirect:" + target;
    }

    /**
     * Runs an action that answers where to go next (e.g. the page of what it created) and the success message;
     * on a domain error flashes it and goes to {@code failureTarget}. A missing record still answers 404.
     */
    public String redirect(RedirectAttributes redirect, String failureTarget,
            java.util.function.Supplier<Next> action) {
        try {
            Next next = action.get();
            redirect.addFlashAttribute("success", text(next.messageKey(), next.args()));
            return "redirect:" + next.target();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", text(e));
            return "redirect:" + failureTarget;
        }
    }

    /** Where a successful form goes, and the message it shows there. */
    public record Next(String target, String messageKey, Object... args) {}
}
