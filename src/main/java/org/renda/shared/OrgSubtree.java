package org.renda.shared;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The ids of an organisation and everything below it, as handed out by the organisation module, which also
 * knows the subtree's path prefix. A {@link Reach} narrowed to an {@code OrgSubtree} keeps the prefix and
 * renders a path condition instead of binding every id (a province's subtree holds 25,000 organisations).
 */
public final class OrgSubtree extends AbstractSet<Long> {

    private final String path;
    private final Set<Long> ids;

    public OrgSubtree(String path, Set<Long> ids) {
        this.path = Reach.checkedPath(path);
        this.ids = Set.copyOf(ids);
    }

    /** The path of the subtree's top, e.g. {@code '/1/3/'}; every organisation in it has a path starting so. */
    public String path() {
        return path;
    }

    @Override
    public boolean contains(Object o) {
        return ids.contains(o);
    }

    @Override
    public Iterator<Long> iterator() {
        return ids.iterator();
    }

    @Override
    public int size() {
        return ids.size();
    }
}
