package org.renda.identity;

import jakarta.servlet.http.HttpSession;
import org.renda.shared.web.Feedback;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The first sign-in with a generated password: the user chooses their own before anything else. */
@Controller
class FirstPasswordPages {

    static final String FIRST_PASSWORD = "identity/first-password";

    private final UserAdministration users;
    private final Feedback feedback;

    FirstPasswordPages(UserAdministration users, Feedback feedback) {
        this.users = users;
        this.feedback = feedback;
    }

    @GetMapping(FirstPasswordGate.PAGE)
    String form() {
        return FIRST_PASSWORD;
    }

    @PostMapping(FirstPasswordGate.PAGE)
    String change(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
            HttpSession session, RedirectAttributes redirect) {
        if (!password.equals(confirm)) {
            redirect.addFlashAttribute("failure", feedback.text("password.error.confirm"));
            return "redirect:" + FirstPasswordGate.PAGE;
        }
        return feedback.redirect(redirect, FirstPasswordGate.PAGE, () -> {
            users.changeOwnPassword(current, password);
            session.setAttribute(FirstPasswordGate.ATTRIBUTE, false);
            return new Feedback.Next("/", "accounts.firstPassword.done");
        });
    }
}
