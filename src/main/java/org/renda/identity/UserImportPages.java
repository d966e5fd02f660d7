package org.renda.identity;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.shared.NotFoundException;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.renda.shared.web.PublicUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Users from Excel (template, upload, the rows' errors or the accounts created), and the one download of the sign-in
 * slips of accounts just created, here or from the deputy register.
 */
@Controller
class UserImportPages {

    static final String IMPORT = "identity/import-users";

    private final UserImport imports;
    private final BulkAccounts bulk;
    private final IssuedSlips issued;
    private final SignInSlips slips;
    private final PublicUrls urls;
    private final Feedback feedback;

    UserImportPages(UserImport imports, BulkAccounts bulk, IssuedSlips issued, SignInSlips slips, PublicUrls urls,
            Feedback feedback) {
        this.imports = imports;
        this.bulk = bulk;
        this.issued = issued;
        this.slips = slips;
        this.urls = urls;
        this.feedback = feedback;
    }

    @GetMapping("/users/import")
    String form() {
        requireCreator();
        return IMPORT;
    }

    @GetMapping("/users/import/template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(imports.template(), "用户导入模板.xlsx");
    }

    @PostMapping("/users/import")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpSession session,
            Model model) throws IOException {
        requireCreator();
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", feedback.text("roster.import.noFile"));
            return IMPORT;
        }
        try (InputStream in = file.getInputStream()) {
            List<IssuedAccount> created = imports.importSheet(in);
            model.addAttribute("success", feedback.text("accounts.import.done", String.valueOf(created.size())));
            model.addAttribute("created", created);
            model.addAttribute("slipKey", issued.keep(session, created));
        } catch (ImportRejected e) {
            model.addAttribute("failure", feedback.text(e));
            model.addAttribute("rowErrors", e.errors());
        }
        return IMPORT;
    }

    /** The slips of a batch just created: once; a second request answers 404. */
    @GetMapping("/users/slips/{key}")
    ResponseEntity<byte[]> slips(@PathVariable String key, HttpSession session) {
        List<IssuedAccount> accounts = issued.take(session, key)
                .orElseThrow(() -> new NotFoundException("accounts.slip.gone"));
        return Downloads.pdf(slips.pdf(accounts, urls.absolute("/login")),
                "首次登录通知单-" + java.time.LocalDate.now() + ".pdf");
    }

    private void requireCreator() {
        if (!bulk.canCreate()) {
            throw new NotFoundException("error.notFound");
        }
    }
}
