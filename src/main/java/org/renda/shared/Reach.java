package org.renda.shared;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * What one permission covers for the acting user: the organisations (subtrees expanded) it applies to.
 * Obtained once from the actor ({@link Actor#reach(Permission)}, {@link CurrentActor#reach(Permission)}) and
 * handed to every store read of organisation-owned rows, so a query cannot forget the scope: store methods
 * that list or search scoped rows take a {@code Reach}, single records are loaded and passed through
 * {@link #guard} (or {@link #check(Object, ToLongFunction)}).
 *
 * <p>The system actor's reach covers everything; a user without the permission covers nothing. Outside the
 * reach answers {@link NotFoundException} (404, not 403), the same as a missing record, so the ids of other
 * towns cannot be probed.
 *
 * <p>How the organisations are held is internal: today a set of ids (a county user reaches a few hundred),
 * applied in SQL by {@link #sql(String)} and {@link #params()}; a province-wide reach could become path
 * prefixes without touching the callers. Only stores turn a reach into SQL (guarded by
 * {@code ScopeArchitectureTest}).
 */
public final class Reach {

    private final String name;
    private final boolean everything;
    private final Set<Long> orgIds;

    private Reach(String name, boolean everything, Set<Long> orgIds) {
        this.name = name;
        this.everything = everything;
        this.orgIds = Set.copyOf(orgIds);
    }

    /** The reach of a user: exactly these organisations (possibly none). */
    static Reach of(Permission permission, Set<Long> orgIds) {
        return new Reach(paramName(permission), false, orgIds);
    }

    /** The reach of the system actor (startup jobs): every organisation. */
    static Reach everything(Permission permission) {
        return new Reach(paramName(permission), true, Set.of());
    }

    private static String paramName(Permission permission) {
        return "reach_" + permission.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True if the organisation lies within the reach. */
    public boolean covers(long orgId) {
        return everything || orgIds.contains(orgId);
    }

    /** True if every given organisation lies within the reach. */
    public boolean coversAll(java.util.Collection<Long> orgIds) {
        return everything || this.orgIds.containsAll(orgIds);
    }

    /** True if the reach covers no organisation at all: a store answers an empty list without asking. */
    public boolean isEmpty() {
        return !everything && orgIds.isEmpty();
    }

    /** Fails with 404 unless the organisation lies within the reach. */
    public void check(long orgId) {
        if (!covers(orgId)) {
            throw new NotFoundException("error.notFound");
        }
    }

    /** The loaded row if its organisation lies within the reach; else 404, exactly like a missing row. */
    public <T> T check(T row, ToLongFunction<? super T> orgOf) {
        check(orgOf.applyAsLong(row));
        return row;
    }

    /**
     * Load-then-guard, the one way a desk opens a scoped record by id: a missing row and a row outside the
     * reach both answer 404. {@code reach.guard(store.byId(id), Row::orgId)}.
     */
    public <T> T guard(Optional<T> row, ToLongFunction<? super T> orgOf) {
        return check(row.orElseThrow(() -> new NotFoundException("error.notFound")), orgOf);
    }

    /** The row if present and within the reach, else empty (for look-ups that must not fail). */
    public <T> Optional<T> filter(Optional<T> row, ToLongFunction<? super T> orgOf) {
        return row.filter(r -> covers(orgOf.applyAsLong(r)));
    }

    /** The part of this reach among the given organisations (e.g. a subtree the user picked as a filter). */
    public Reach narrow(java.util.Collection<Long> orgIds) {
        Set<Long> within = new HashSet<>(orgIds);
        if (!everything) {
            within.retainAll(this.orgIds);
        }
        return new Reach(name, false, within);
    }

    /** The organisations covered by either reach (e.g. a read that two permissions each allow). */
    public Reach or(Reach other) {
        if (everything || other.everything) {
            return new Reach(name + "_or", true, Set.of());
        }
        Set<Long> both = new HashSet<>(orgIds);
        both.addAll(other.orgIds);
        return new Reach(name + "_or_" + other.name.substring("reach_".length()), false, both);
    }

    /**
     * The SQL condition "this column holds an organisation within the reach", for a store's where clause;
     * bind {@link #params()} with it. Callers short-circuit on {@link #isEmpty()} first.
     */
    public String sql(String orgColumn) {
        return everything ? "1 = 1" : orgColumn + " in (:" + name + ")";
    }

    /** The parameters of {@link #sql(String)} (always safe to bind, also when the condition uses none). */
    public Map<String, Object> params() {
        return Map.of(name, everything || orgIds.isEmpty() ? Set.of(-1L) : orgIds);
    }

    @Override
    public String toString() {
        return everything ? name + "=everything" : name + "=" + orgIds.size() + " organisations";
    }
}
