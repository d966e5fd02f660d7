package org.renda.org;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.web.Downloads;
import org.renda.shared.web.Feedback;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree pages: browse (htmx expands a branch), search, create, edit, move, import, export. */
@Controller
@RequestMapping("/orgs")
class OrgPages {

    static final String TREE = "org/tree";
    static final String DETAIL = "org/detail";
    static final String CHILDREN = "org/tree :: branch";
    static final String SEARCH_RESULTS = "org/tree :: results";
    static final String IMPORT = "org/import";

    private final OrgDirectory directory;
    private final OrgAdministration admin;
    private final OrgSheets sheets;
    private final CurrentActor currentActor;
    private final Feedback feedback;

    OrgPages(OrgDirectory directory, OrgAdministration admin, OrgSheets sheets, CurrentActor currentActor,
            Feedback feedback) {
        this.directory = directory;
        this.admin = admin;
        this.sheets = sheets;
        this.currentActor = currentActor;
        this.feedback = feedback;
    }

    /** A node of the tree as the page draws it. */
    record Node(OrgView org, int childCount) {}

    /** The create-a-child form. */
    /** The "add a child organisation" form; the facade checks the same rules again. */
    record ChildForm(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{org.code.pattern}") String code,
            @NotBlank @Size(max = 100) String name,
            @Nullable OrgType type,
            @Min(0) @Max(99999) int sortOrder) {}

    @GetMapping
    String tree(Model model) {
        model.addAttribute("nodes", nodes(directory.visibleRoots()));
        return TREE;
    }

    @GetMapping("/{id}/children")
    String children(@PathVariable long id, Model model) {
        model.addAttribute("nodes", nodes(directory.children(id)));
        return CHILDREN;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        List<OrgView> found = directory.search(q, 50);
        model.addAttribute("results", found.stream().map(o -> new Result(o, directory.ancestors(o))).toList());
        model.addAttribute("q", q);
        return SEARCH_RESULTS;
    }

    record Result(OrgView org, List<OrgView> ancestors) {}

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        OrgView org = directory.get(id);
        model.addAttribute("org", org);
        model.addAttribute("ancestors", directory.ancestors(org));
        model.addAttribute("children", directory.children(id));
        model.addAttribute("canWrite", currentActor.require().can(Permission.ORG_WRITE, id));
        model.addAttribute("childTypes", java.util.Arrays.stream(OrgType.values())
                .filter(t -> t.mayStandUnder(org.type())).toList());
        model.addAttribute("types", java.util.Arrays.stream(OrgType.values())
                .filter(t -> org.parentId() == null ? t == org.type()
                        : directory.find(org.parentId()).map(p -> t.mayStandUnder(p.type())).orElse(false))
                .toList());
        if (!model.containsAttribute("childForm")) {
            model.addAttribute("childForm", new ChildForm("", "", null, directory.childCount(id) + 1));
        }
        return DETAIL;
    }

    @PostMapping("/{id}/children")
    String createChild(@PathVariable long id, @Valid @ModelAttribute("childForm") ChildForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detail(id, model), () -> {
            OrgView created = admin.create(new OrgAdministration.NewOrg(form.code(), form.name(),
                    form.type() == null ? OrgType.UNIT : form.type(), id, form.sortOrder()));
            return new Feedback.Next("/orgs/" + created.id(), "org.created", created.name());
        });
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute OrgAdministration.OrgChange change,
            BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("failure", feedback.text("error.validation"));
            return "redirect:/orgs/" + id;
        }
        return feedback.redirect(redirect, "/orgs/" + id, () -> admin.update(id, change), "org.updated");
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam String parentCode, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/orgs/" + id, () -> admin.move(id, directory.findByCode(parentCode.strip())
                .orElseThrow(() -> new DomainException("org.error.parentCodeUnknown", parentCode)).id()), "org.moved");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/orgs/" + id, () -> admin.deactivate(id), "org.deactivated");
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/orgs/" + id, () -> admin.activate(id), "org.activated");
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        OrgView org = directory.get(id);
        return Downloads.xlsx(sheets.export(id), org.name() + "-组织机构.xlsx");
    }

    @GetMapping("/import")
    String importForm() {
        return IMPORT;
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(sheets.template(), "组织机构导入模板.xlsx");
    }

    @PostMapping("/import")
    String importSheet(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("failure", feedback.text("excel.empty"));
            return IMPORT;
        }
        feedback.imported(model, () -> {
            OrgSheets.ImportResult result = sheets.importSheet(file.getInputStream());
            return feedback.text("import.done", result.created(), result.updated());
        });
        return IMPORT;
    }


    private List<Node> nodes(List<OrgView> orgs) {
        return orgs.stream().map(o -> new Node(o, directory.childCount(o.id()))).toList();
    }


}
