package org.renda.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import org.renda.shared.OrgPaths;
import org.renda.shared.OrgSubtree;
import org.renda.shared.Reach;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped look-ups of the tree, for modules that resolve ids and apply scope themselves (identity builds
 * every actor's reach from here). Screens use {@link OrgDirectory}, which answers only what the actor may read.
 */
@Service
@Transactional(readOnly = true)
public class OrgTree implements OrgPaths {

    private final OrgStore store;

    OrgTree(OrgStore store) {
        this.store = store;
    }

    public Optional<OrgView> find(long id) {
        return store.byId(id);
    }

    public Optional<OrgView> findByCode(String code) {
        return store.byCode(code);
    }

    /**
     * The ids of the organisation and everything below it, as an {@link OrgSubtree} that also carries the
     * subtree's path: a {@link Reach} narrowed to it stays one path prefix in SQL instead of every id.
     */
    public Set<Long> subtreeIds(long id) {
        return store.byId(id).<Set<Long>>map(o -> new OrgSubtree(o.path(), store.subtreeIds(o.path())))
                .orElse(Set.of());
    }

    @Override
    public Map<Long, String> pathsOf(Collection<Long> orgIds) {
        return store.pathsOf(orgIds);
    }

    public List<OrgView> findAll(Collection<Long> ids) {
        return store.byIds(ids);
    }

    /** The organisations the reach covers (e.g. where the actor may create a record), in tree order. */
    public List<OrgView> within(Reach reach) {
        return store.within(reach);
    }

    /**
     * The organisations of these kinds the reach covers, in tree order: what a picker offers. Filtered in the
     * database, so a province user's town picker reads 1,700 rows, not the 25,700 of every village too.
     */
    public List<OrgView> within(Reach reach, Set<OrgType> types) {
        return store.within(reach, types);
    }

    /**
     * What a filter's organisation picker offers: the organisations of these kinds the reach covers, in tree
     * order, at most {@code max}; when there are more, the deepest level is left out until they fit (a province
     * user picks among its cities and counties, not 1,700 towns; a county user still sees every town).
     */
    public List<OrgView> pickable(Reach reach, Set<OrgType> types, int max) {
        List<OrgView> found = store.within(reach, types, max + 1);
        if (found.size() <= max) {
            return found;
        }
        int deepest = found.get(max).depth();
        List<OrgView> shallower = found.stream().filter(o -> o.depth() < deepest).toList();
        return shallower.isEmpty() ? found.subList(0, max) : shallower;
    }

    /** The organisations without a parent. */
    public List<OrgView> roots() {
        return store.roots();
    }

    public long count() {
        return store.count();
    }
}
