package org.renda.identity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.renda.shared.web.Feedback;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in, the user's own account (password, API tokens) and user administration. */
@Controller
class IdentityPages {

    static final String LOGIN = "identity/login";
    static final String ACCOUNT = "identity/account";
    static final String USERS = "identity/users";
    static final String USER = "identity/user";
    static final String NEW_USER = "identity/new-user";

    private final UserAdministration users;
    private final ApiTokens tokens;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    IdentityPages(UserAdministration users, ApiTokens tokens, OrgTree orgs, CurrentActor currentActor,
            Feedback feedback) {
        this.users = users;
        this.tokens = tokens;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    @GetMapping("/login")
    String login() {
        return currentActor.current().isPresent() ? "redirect:/" : LOGIN;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return ACCOUNT;
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String password,
            @RequestParam String confirm, RedirectAttributes redirect) {
        if (!password.equals(confirm)) {
            redirect.addFlashAttribute("failure", feedback.text("password.error.confirm"));
            return "redirect:/account";
        }
        return feedback.redirect(redirect, "/account", () -> users.changeOwnPassword(current, password), "password.changed");
    }

    @PostMapping("/account/tokens")
    String issueToken(@RequestParam String name, @RequestParam(defaultValue = "90") int days,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.issue(name, days));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", feedback.text(e.messageKey(), e.args()));
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/account", () -> tokens.revoke(id), "token.revoked");
    }

    @GetMapping("/users")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        var shown = users.list(q, 200);
        model.addAttribute("users", shown);
        model.addAttribute("q", q);
        model.addAttribute("canWrite", currentActor.require().canAny(Permission.USER_WRITE));
        model.addAttribute("canCreate", currentActor.require().canAny(Permission.USER_CREATE));
        model.addAttribute("orgNames", orgNames(shown.stream().map(UserView::orgId).toList()));
        return USERS;
    }

    @GetMapping("/users/{id}")
    String user(@PathVariable long id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("home", orgs.find(user.orgId()).orElseThrow());
        model.addAttribute("canWrite", currentActor.require().can(Permission.USER_WRITE, user.orgId()));
        model.addAttribute("roles", Role.values());
        return USER;
    }

    /** The form of a new user; the password is set by the administrator and changed by the user. */
    record NewUserForm(String username, String displayName, String orgCode, @Nullable String phone,
            @Nullable String email, String password, @Nullable Role role) implements Serializable {} // a flash attribute: kept in the session

    @GetMapping("/users/new")
    String newUser(Model model) {
        if (!currentActor.require().canAny(Permission.USER_WRITE)) {
            throw new NotFoundException("error.notFound");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewUserForm("", "", "", "", "", "", Role.STAFF));
        }
        model.addAttribute("roles", Role.values());
        return NEW_USER;
    }

    @PostMapping("/users")
    String create(@ModelAttribute NewUserForm form, RedirectAttributes redirect) {
        try {
            OrgView org = orgCode(form.orgCode());
            UserView created = users.create(new UserAdministration.NewUser(form.username(), form.displayName(),
                    org.id(), form.phone(), form.email(), form.password(),
                    List.of(new UserAdministration.GrantRequest(form.role() == null ? Role.STAFF : form.role(),
                            org.id()))));
            redirect.addFlashAttribute("success", feedback.text("user.created", created.username()));
            return "redirect:/users/" + created.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", feedback.text(e.messageKey(), e.args()));
            redirect.addFlashAttribute("form", form);
            return "redirect:/users/new";
        }
    }

    @PostMapping("/users/{id}/profile")
    String profile(@PathVariable long id, @ModelAttribute UserAdministration.ProfileChange change,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/users/" + id, () -> users.updateProfile(id, change), "common.saved");
    }

    @PostMapping("/users/{id}/grants")
    String grants(@PathVariable long id, @RequestParam(name = "role", required = false) List<Role> roles,
            @RequestParam(name = "orgCode", required = false) List<String> codes, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/users/" + id, () -> {
            List<UserAdministration.GrantRequest> grants = new ArrayList<>();
            List<Role> r = roles == null ? List.of() : roles;
            List<String> c = codes == null ? List.of() : codes;
            for (int i = 0; i < Math.min(r.size(), c.size()); i++) {
                if (r.get(i) != null && !c.get(i).isBlank()) {
                    grants.add(new UserAdministration.GrantRequest(r.get(i), orgCode(c.get(i)).id()));
                }
            }
            users.setGrants(id, grants);
        }, "common.saved");
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/users/" + id, () -> users.resetPassword(id, password), "password.reset");
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/users/" + id, () -> users.unlock(id), "user.unlocked");
    }

    private OrgView orgCode(String code) {
        return orgs.findByCode(code.strip())
                .filter(o -> currentActor.require().can(Permission.USER_WRITE, o.id()))
                .orElseThrow(() -> new DomainException("org.error.parentCodeUnknown", code));
    }

    /** The names of the users' organisations (the list holds only users the actor may read). */
    private java.util.Map<Long, String> orgNames(java.util.List<Long> orgIds) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        orgs.findAll(orgIds.stream().distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }


}
