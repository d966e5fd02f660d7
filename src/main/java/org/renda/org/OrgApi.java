package org.renda.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation tree over JSON; the same scope rules as the pages. */
@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "组织机构 Organisations")
@SecurityRequirement(name = "bearer")
class OrgApi {

    private final OrgDirectory directory;
    private final OrgAdministration admin;

    OrgApi(OrgDirectory directory, OrgAdministration admin) {
        this.directory = directory;
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "The caller's top organisations, or a search by name or code")
    List<OrgView> list(@RequestParam(required = false) String q) {
        return q == null || q.isBlank() ? directory.visibleRoots() : directory.search(q, 100);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation")
    OrgView get(@PathVariable long id) {
        return directory.get(id);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The organisations directly below one")
    List<OrgView> children(@PathVariable long id) {
        return directory.children(id);
    }

    @PostMapping
    @Operation(summary = "Create an organisation under a parent the caller administers")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<OrgView> create(@Valid @RequestBody OrgAdministration.NewOrg body) {
        OrgView created = admin.create(body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename, retype or reorder an organisation (send the version you read)")
    OrgView update(@PathVariable long id, @Valid @RequestBody OrgAdministration.OrgChange body) {
        return admin.update(id, body);
    }
}
