package org.renda.org;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the organisation tree. Every change needs ORG_WRITE on the organisation it touches (for a new
 * one, on its parent; for a move, on both parents), is audited in its transaction and announced as an event.
 */
@Validated
@Service
@Transactional
public class OrgAdministration {

    static final String AUDIT_TYPE = "organisation";

    private final OrgStore store;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    OrgAdministration(OrgStore store, CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events) {
        this.store = store;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** What it takes to create an organisation. */
    public record NewOrg(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{org.code.pattern}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull OrgType type,
            @Nullable Long parentId,
            @Min(0) @Max(99999) int sortOrder) {}

    /** The editable fields of an organisation. */
    public record OrgChange(@NotBlank @Size(max = 100) String name, @NotNull OrgType type,
            @Min(0) @Max(99999) int sortOrder, int version) {}

    public OrgView create(@Valid NewOrg cmd) {
        Actor actor = currentActor.require();
        String code = cmd.code().strip();
        @Nullable OrgView parent = null;
        if (cmd.parentId() == null) {
            if (!actor.isSystem()) {
                throw new DomainException("org.error.parentRequired");
            }
            if (!cmd.type().mayBeRoot()) {
                throw new DomainException("org.error.typeNotAllowed", cmd.type().label(), "—");
            }
        } else {
            actor.require(Permission.ORG_WRITE, cmd.parentId());
            parent = store.byId(cmd.parentId()).orElseThrow(() -> new NotFoundException("org.error.parentMissing"));
            if (!parent.active()) {
                throw new DomainException("org.error.parentInactive", parent.name());
            }
            if (!cmd.type().mayStandUnder(parent.type())) {
                throw new DomainException("org.error.typeNotAllowed", cmd.type().label(), parent.type().label());
            }
        }
        if (store.byCode(code).isPresent()) {
            throw DomainException.onField("code", "org.error.codeTaken", code);
        }
        long id = store.insert(code, cmd.name().strip(), cmd.type(), parent, cmd.sortOrder());
        OrgView created = store.byId(id).orElseThrow();
        audit.record(id, AUDIT_TYPE, id, "CREATED", null, created);
        events.publishEvent(new OrgEvents.OrganisationCreated(id, parent == null ? 0 : parent.id()));
        return created;
    }

    /**
     * Renames, reorders or retypes. A new type must fit under the parent and keep every child (active or
     * not) where {@link OrgType} allows it; the root's type is fixed, since the whole tree hangs on it.
     */
    public OrgView update(long id, @Valid OrgChange change) {
        OrgView before = writable(id);
        if (before.parentId() == null) {
            if (change.type() != before.type()) {
                throw new DomainException("org.error.rootTypeFixed", before.type().label());
            }
        } else {
            OrgView parent = store.byId(before.parentId()).orElseThrow();
            if (!change.type().mayStandUnder(parent.type())) {
                throw new DomainException("org.error.typeNotAllowed", change.type().label(), parent.type().label());
            }
        }
        if (change.type() != before.type()) {
            for (OrgView child : store.children(id)) {
                if (!child.type().mayStandUnder(change.type())) {
                    throw new DomainException("org.error.typeStrandsChild", change.type().label(), child.name(),
                            child.type().label());
                }
            }
        }
        store.update(id, change.version(), change.name().strip(), change.type(), change.sortOrder(), before.active());
        OrgView after = store.byId(id).orElseThrow();
        audit.record(id, AUDIT_TYPE, id, "UPDATED", before, after);
        return after;
    }

    public OrgView move(long id, long newParentId) {
        OrgView org = writable(id);
        if (org.parentId() == null) {
            throw new DomainException("org.error.cannotMoveRoot");
        }
        currentActor.require().require(Permission.ORG_WRITE, newParentId);
        OrgView target = store.byId(newParentId).orElseThrow(() -> new NotFoundException("org.error.parentMissing"));
        if (target.id() == org.parentId()) {
            throw new DomainException("org.error.alreadyThere", target.name());
        }
        if (target.path().startsWith(org.path())) {
            throw new DomainException("org.error.moveIntoOwnSubtree");
        }
        if (!org.type().mayStandUnder(target.type())) {
            throw new DomainException("org.error.typeNotAllowed", org.type().label(), target.type().label());
        }
        if (!target.active()) {
            throw new DomainException("org.error.parentInactive", target.name());
        }
        long from = org.parentId();
        store.move(org, target);
        OrgView after = store.byId(id).orElseThrow();
        audit.record(id, AUDIT_TYPE, id, "MOVED", org, after);
        events.publishEvent(new OrgEvents.OrganisationMoved(id, from, newParentId));
        return after;
    }

    /** Deactivates an organisation whose children are all inactive already; its records stay. */
    public OrgView deactivate(long id) {
        OrgView before = writable(id);
        if (store.children(id).stream().anyMatch(OrgView::active)) {
            throw new DomainException("org.error.activeChildren");
        }
        store.update(id, before.version(), before.name(), before.type(), before.sortOrder(), false);
        OrgView after = store.byId(id).orElseThrow();
        audit.record(id, AUDIT_TYPE, id, "DEACTIVATED", before, after);
        events.publishEvent(new OrgEvents.OrganisationDeactivated(id));
        return after;
    }

    public OrgView activate(long id) {
        OrgView before = writable(id);
        if (before.parentId() != null && !store.byId(before.parentId()).orElseThrow().active()) {
            throw new DomainException("org.error.parentInactive", "");
        }
        store.update(id, before.version(), before.name(), before.type(), before.sortOrder(), true);
        OrgView after = store.byId(id).orElseThrow();
        audit.record(id, AUDIT_TYPE, id, "ACTIVATED", before, after);
        return after;
    }

    private OrgView writable(long id) {
        return currentActor.reach(Permission.ORG_WRITE).guard(store.byId(id), OrgView::id);
    }
}
