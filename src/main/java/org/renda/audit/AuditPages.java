package org.renda.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit pages: the log (filtered by who, action, record type and number, and dates; 50 a page), one record's
 * history, and for administrators the chain check (optionally
 * against a held copy of the checkpoints), signing a checkpoint now and downloading every checkpoint.
 */
@Controller
class AuditPages {

    static final String LOG = "audit/log";
    static final String HISTORY = "audit/history";
    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final CurrentActor currentActor;

    AuditPages(AuditTrail trail, CurrentActor currentActor) {
        this.trail = trail;
        this.currentActor = currentActor;
    }

    /**
     * The log's filter as the form sends it. Dates arrive as text so that one a browser without a date picker
     * mistyped is said beside its field ({@link #badFrom()}) while the rest of the filter still applies.
     */
    record LogFilter(@Nullable String who, @Nullable String action, @Nullable String type, @Nullable String id,
            @Nullable String from, @Nullable String to) {

        @Nullable LocalDate fromDate() {
            return date(from);
        }

        @Nullable LocalDate toDate() {
            return date(to);
        }

        public boolean badFrom() {
            return from != null && !from.isBlank() && fromDate() == null;
        }

        public boolean badTo() {
            return to != null && !to.isBlank() && toDate() == null;
        }

        private static @Nullable LocalDate date(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        AuditQuery query() {
            return new AuditQuery(who, known(action, AuditCodes.ACTIONS), known(type, AuditCodes.TYPES), id, fromDate(),
                    toDate());
        }

        /** The list's address with this filter, for the pager and the export of a page. */
        String address() {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit");
            AuditQuery q = query();
            add(b, "who", q.who());
            add(b, "action", q.action());
            add(b, "type", q.type());
            add(b, "id", q.id());
            add(b, "from", q.from());
            add(b, "to", q.to());
            return b.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder b, String name, @Nullable Object value) {
            if (value != null) {
                b.queryParam(name, value);
            }
        }

        private static @Nullable String known(@Nullable String code, java.util.List<String> codes) {
            return code != null && codes.contains(code) ? code : null;
        }
    }

    @GetMapping("/audit")
    String log(@ModelAttribute("filter") LogFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        AuditPage result = trail.search(filter.query(), page, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("entries", result.rows());
        model.addAttribute("pageBase", filter.address());
        model.addAttribute("filtered", filter.query().any());
        model.addAttribute("types", AuditCodes.TYPES);
        model.addAttribute("actions", AuditCodes.ACTIONS);
        boolean canVerify = currentActor.require().canAny(Permission.AUDIT_VERIFY);
        model.addAttribute("canVerify", canVerify);
        if (canVerify) {
            model.addAttribute("keyFingerprint", trail.signingKeyFingerprint());
        }
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

    /** The check; with a held copy of the checkpoints (the exported file) the database must still agree with it. */
    @PostMapping("/audit/verify")
    String verify(@RequestParam(name = "copy", required = false) @Nullable MultipartFile copy,
            RedirectAttributes redirect) throws IOException {
        requireVerifier();
        if (copy == null || copy.isEmpty()) {
            redirect.addFlashAttribute("verification", trail.verify());
        } else {
            try {
                redirect.addFlashAttribute("verification",
                        trail.verifyAgainst(new String(copy.getBytes(), StandardCharsets.UTF_8)));
                redirect.addFlashAttribute("againstCopy", true);
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("copyUnreadable", true);
            }
        }
        return "redirect:/audit";
    }

    @PostMapping("/audit/checkpoint")
    String checkpoint(RedirectAttributes redirect) {
        requireVerifier();
        redirect.addFlashAttribute("checkpoint", trail.checkpoint());
        return "redirect:/audit";
    }

    @GetMapping("/audit/checkpoints.json")
    ResponseEntity<byte[]> checkpoints() {
        requireVerifier();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-checkpoints.json", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(trail.exportCheckpoints());
    }

    private void requireVerifier() {
        if (!currentActor.require().canAny(Permission.AUDIT_VERIFY)) {
            throw new NotFoundException("error.notFound");
        }
    }
}
