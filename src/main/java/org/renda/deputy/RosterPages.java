package org.renda.deputy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.renda.shared.Texts;

/** The roster as Excel: import page with its template, and the export of the (filtered) register. */
@Controller
@RequestMapping("/deputies")
class RosterPages {

    static final String IMPORT = "deputy/import";

    private final DeputyRoster roster;
    private final ContactExport contacts;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    RosterPages(DeputyRoster roster, ContactExport contacts, CurrentActor currentActor, Feedback feedback) {
        this.roster = roster;
        this.contacts = contacts;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** The upload form: one .xlsx file. */
    record ImportForm(@Nullable MultipartFile file) {}

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("form", new ImportForm(null));
        return importPage();
    }

    private String importPage() {
        requireAny(Permission.DEPUTY_WRITE);
        return IMPORT;
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        requireAny(Permission.DEPUTY_WRITE);
        return Downloads.xlsx(roster.template(), "代表名册导入模板.xlsx");
    }

    /**
     * Imports the whole file or nothing. A refusal comes back above the form; a file with bad rows lists every bad
     * row as well.
     */
    @PostMapping("/import")
    String importSheet(@ModelAttribute("form") ImportForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        requireAny(Permission.DEPUTY_WRITE);
        return feedback.submit(binding, redirect, this::importPage, () -> {
            MultipartFile file = form.file();
            if (file == null || file.isEmpty()) {
                throw DomainException.onField("file", "roster.import.noFile");
            }
            DeputyRoster.ImportResult result;
            try (InputStream in = file.getInputStream()) {
                result = roster.importSheet(in);
            } catch (ImportRejected e) {
                model.addAttribute("rowErrors", e.errors()); // the rows, besides the refusal Feedback shows
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            redirect.addFlashAttribute("imported", result);
            return new Feedback.Next("/deputies/import", "roster.import.done", String.valueOf(result.deputies()),
                    String.valueOf(result.seats()));
        });
    }

    /** The register as .xlsx, with the list's filters; blank filters mean any. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String level,
            @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String orgId,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "false") boolean inOffice) {
        requireAny(Permission.DEPUTY_READ);
        DeputyRegister.Query q = new DeputyRegister.Query(Texts.blankToNull(text), filterLevel(level), filterTerm(term),
                Texts.blankToNull(group), filterStatus(status), filterOrg(orgId), inOffice);
        return Downloads.xlsx(roster.export(q), "代表名册-" + LocalDate.now() + ".xlsx");
    }

    /** The contact list with whole phone numbers, for staff with DEPUTY_CONTACT_EXPORT; audited. Same filters. */
    @GetMapping("/export/contacts")
    ResponseEntity<byte[]> exportContacts(@RequestParam(defaultValue = "") String level,
            @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String orgId,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "false") boolean inOffice) {
        requireAny(Permission.DEPUTY_CONTACT_EXPORT);
        DeputyRegister.Query q = new DeputyRegister.Query(Texts.blankToNull(text), filterLevel(level), filterTerm(term),
                Texts.blankToNull(group), filterStatus(status), filterOrg(orgId), inOffice);
        return Downloads.xlsx(contacts.export(q), "代表联系表-" + LocalDate.now() + ".xlsx");
    }

    private void requireAny(Permission permission) {
        if (!currentActor.require().canAny(permission)) {
            throw new NotFoundException("error.notFound");
        }
    }

    private static @Nullable DeputyLevel filterLevel(String value) {
        return value.isBlank() ? null : RosterCells.level(value)
                .orElseThrow(() -> new DomainException("roster.export.badFilter", value));
    }

    private static @Nullable Integer filterTerm(String value) {
        if (value.isBlank()) {
            return null;
        }
        OptionalInt n = RosterCells.termNo(value);
        if (n.isEmpty()) {
            throw new DomainException("roster.export.badFilter", value);
        }
        return n.getAsInt();
    }

    private static @Nullable MandateStatus filterStatus(String value) {
        if (value.isBlank()) {
            return null;
        }
        Optional<MandateStatus> s = MandateStatus.parse(value);
        return s.orElseThrow(() -> new DomainException("roster.export.badFilter", value));
    }

    private static @Nullable Long filterOrg(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("roster.export.badFilter", value);
        }
    }

}
