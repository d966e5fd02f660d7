package org.renda.deputy;

import java.io.Serializable;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.identity.IssuedSlips;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Feedback;
import org.renda.shared.web.PublicUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's "accounts for deputies" page: choose an organisation, tick its deputies without an account, create;
 * then download the sign-in slips once (and see how many notices went by e-mail).
 */
@Controller
class DeputyAccountPages {

    static final String ACCOUNTS = "deputy/accounts";

    private final DeputyAccounts deputyAccounts;
    private final IssuedSlips issued;
    private final PublicUrls urls;
    private final Feedback feedback;

    DeputyAccountPages(DeputyAccounts deputyAccounts, IssuedSlips issued, PublicUrls urls, Feedback feedback) {
        this.deputyAccounts = deputyAccounts;
        this.issued = issued;
        this.urls = urls;
        this.feedback = feedback;
    }

    /** A created account as the page lists it: never the password. */
    /** A flash attribute: kept in the session, which lives in the database. */
    record CreatedRow(long userId, String username, String displayName, String orgName, @Nullable String email)
            implements Serializable {}

    @GetMapping("/deputies/accounts")
    String page(@RequestParam(required = false) @Nullable Long orgId, Model model) {
        requireAvailable();
        model.addAttribute("overview", deputyAccounts.overview(orgId));
        return ACCOUNTS;
    }

    @PostMapping("/deputies/accounts")
    String create(@RequestParam long orgId, @RequestParam(name = "deputyId", required = false) @Nullable List<Long> ids,
            @RequestParam(defaultValue = "false") boolean mail, @RequestParam MultiValueMap<String, String> form,
            HttpSession session, RedirectAttributes redirect) {
        requireAvailable();
        Map<Long, String> emails = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("email.") && !values.isEmpty()) {
                try {
                    emails.put(Long.parseLong(name.substring("email.".length())), values.get(0));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        });
        String back = "/deputies/accounts?orgId=" + orgId;
        return feedback.redirect(redirect, back, () -> {
            DeputyAccounts.Created created = deputyAccounts.create(ids == null ? List.of() : ids, emails,
                    urls.absolute("/login"), mail);
            List<CreatedRow> rows = new ArrayList<>();
            created.accounts().forEach(a -> rows.add(new CreatedRow(a.userId(), a.username(), a.displayName(),
                    a.orgName(), a.email())));
            redirect.addFlashAttribute("created", rows);
            redirect.addFlashAttribute("slipKey", issued.keep(session, created.accounts()));
            redirect.addFlashAttribute("mailed", created.mailed());
            return new Feedback.Next(back, "accounts.deputies.done", String.valueOf(rows.size()),
                    String.valueOf(created.mailed()));
        });
    }

    private void requireAvailable() {
        if (!deputyAccounts.available()) {
            throw new NotFoundException("error.notFound");
        }
    }
}
