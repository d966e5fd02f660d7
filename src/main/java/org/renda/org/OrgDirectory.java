package org.renda.org;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the organisation tree for the current actor: answers only what they may read. Other modules
 * resolving ids without an actor use {@link OrgTree}.
 */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

    private final OrgStore store;
    private final CurrentActor currentActor;

    OrgDirectory(OrgStore store, CurrentActor currentActor) {
        this.store = store;
        this.currentActor = currentActor;
    }

    /** A record the actor may read, or not found. */
    public OrgView get(long id) {
        currentActor.reach(Permission.ORG_READ).check(id);
        return store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The tops of the actor's visible forest: visible organisations whose parent is not visible. */
    public List<OrgView> visibleRoots() {
        Reach visible = currentActor.reach(Permission.ORG_READ);
        return store.tops(visible);
    }

    public List<OrgView> children(long id) {
        get(id);
        Reach visible = currentActor.reach(Permission.ORG_READ);
        return store.children(id).stream().filter(o -> visible.covers(o.id())).toList();
    }

    /** Unscoped: for pages that already checked the actor may read the parent. */
    public java.util.Optional<OrgView> find(long id) {
        return store.byId(id);
    }

    public Optional<OrgView> findByCode(String code) {
        return store.byCode(code);
    }

    public int childCount(long id) {
        return store.countChildren(id);
    }

    /** The visible ancestors of an organisation, root first, for breadcrumbs. */
    public List<OrgView> ancestors(OrgView org) {
        Reach visible = currentActor.reach(Permission.ORG_READ);
        List<Long> ids = new ArrayList<>();
        for (long id : org.lineage()) {
            if (id != org.id() && visible.covers(id)) {
                ids.add(id);
            }
        }
        return store.byIds(ids);
    }

    public List<OrgView> search(String text, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        return store.search(text.strip(), currentActor.reach(Permission.ORG_READ), limit);
    }

    /** Every visible organisation in the subtree of {@code id}, in tree order. */
    public List<OrgView> subtree(long id) {
        OrgView root = get(id);
        Reach visible = currentActor.reach(Permission.ORG_READ);
        return store.subtree(root.path()).stream().filter(o -> visible.covers(o.id())).toList();
    }

    /** How many active organisations of each kind the actor can see. */
    public Map<OrgType, Long> countsByType() {
        return store.activeCountsByType(currentActor.reach(Permission.ORG_READ));
    }
}
