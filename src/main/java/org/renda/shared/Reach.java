package org.renda.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

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
 * <p>How the organisations are held is internal. A user's grants are <b>subtrees held as path prefixes</b> of
 * the organisation's materialised path ({@code '/1/3/'} covers organisation 3 and everything below it), so a
 * province-wide reach is one prefix, not 25,000 ids: {@link #sql(String)} renders
 * {@code org_id in (select id from organisation where path like '/1/3/%')}, an index range scan on
 * {@code organisation.path}, and a prefix of every root ({@code '/'}) renders {@code 1 = 1}. Single
 * organisations (a reach narrowed to a picked list) are still an id set bound by {@link #params()}.
 * {@link #covers(long)} looks up the organisation's path once per reach. Only stores turn a reach into SQL
 * (guarded by {@code ScopeArchitectureTest}). See docs/architecture.md, "Scoping by path".
 */
public final class Reach {

    private static final Pattern PATH = Pattern.compile("/(?:[0-9]+/)*");

    private final String name;
    private final boolean everything;
    private final Set<String> prefixes;
    private final Set<Long> orgIds;
    private final OrgPaths paths;
    private final Map<Long, String> known = new ConcurrentHashMap<>();

    private Reach(String name, boolean everything, Set<String> prefixes, Set<Long> orgIds, OrgPaths paths) {
        this.name = name;
        this.everything = everything || prefixes.contains("/");
        this.prefixes = this.everything ? Set.of() : minimal(prefixes);
        this.orgIds = this.everything ? Set.of() : Set.copyOf(orgIds);
        this.paths = paths;
    }

    /** The reach of a user: exactly these organisations (possibly none). */
    static Reach of(Permission permission, Set<Long> orgIds) {
        return new Reach(paramName(permission), false, Set.of(), orgIds, null);
    }

    /**
     * The reach of a user whose grants are subtrees: every organisation whose path starts with one of the
     * prefixes ({@code "/"} is the whole tree), plus these single organisations.
     */
    static Reach of(Permission permission, Set<String> prefixes, Set<Long> orgIds, OrgPaths paths) {
        return new Reach(paramName(permission), false, prefixes, orgIds, paths);
    }

    /** The reach of the system actor (startup jobs): every organisation. */
    static Reach everything(Permission permission) {
        return new Reach(paramName(permission), true, Set.of(), Set.of(), null);
    }

    private static String paramName(Permission permission) {
        return "reach_" + permission.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A path as the organisation module writes it ('/', '/1/', '/1/3/'): digits and slashes, safe as a literal. */
    static String checkedPath(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not an organisation path: " + path);
        }
        return path;
    }

    /** The prefixes without those inside another one ('/1/3/' goes when '/1/' is there). */
    private static Set<String> minimal(Set<String> prefixes) {
        Set<String> out = new TreeSet<>();
        for (String p : new TreeSet<>(prefixes)) {
            checkedPath(p);
            if (out.stream().noneMatch(p::startsWith)) {
                out.add(p);
            }
        }
        return Set.copyOf(out);
    }

    /** True if the organisation lies within the reach. */
    public boolean covers(long orgId) {
        if (everything || orgIds.contains(orgId)) {
            return true;
        }
        if (prefixes.isEmpty()) {
            return false;
        }
        return underPrefix(pathOf(List.of(orgId)).get(orgId));
    }

    /** True if every given organisation lies within the reach. */
    public boolean coversAll(Collection<Long> orgIds) {
        if (everything) {
            return true;
        }
        List<Long> rest = orgIds.stream().filter(id -> !this.orgIds.contains(id)).distinct().toList();
        if (rest.isEmpty()) {
            return true;
        }
        if (prefixes.isEmpty()) {
            return false;
        }
        Map<Long, String> found = pathOf(rest);
        return rest.stream().allMatch(id -> underPrefix(found.get(id)));
    }

    private boolean underPrefix(String path) {
        return path != null && prefixes.stream().anyMatch(path::startsWith);
    }

    /** The paths of the organisations, asked once per reach and remembered. */
    private Map<Long, String> pathOf(Collection<Long> ids) {
        List<Long> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty() && paths != null) {
            Map<Long, String> found = paths.pathsOf(missing);
            missing.forEach(id -> known.put(id, found.getOrDefault(id, "")));
        }
        Map<Long, String> out = new HashMap<>();
        ids.forEach(id -> {
            String p = known.get(id);
            if (p != null && !p.isEmpty()) {
                out.put(id, p);
            }
        });
        return out;
    }

    /** True if the reach covers no organisation at all: a store answers an empty list without asking. */
    public boolean isEmpty() {
        return !everything && prefixes.isEmpty() && orgIds.isEmpty();
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

    /**
     * The part of this reach among the given organisations (e.g. a subtree the user picked as a filter). An
     * {@link OrgSubtree} (what the organisation module hands out) stays a path prefix; other collections
     * become the set of their ids this reach covers.
     */
    public Reach narrow(Collection<Long> orgIds) {
        if (orgIds instanceof OrgSubtree subtree) {
            String top = subtree.path();
            Set<String> within = new HashSet<>();
            if (everything) {
                within.add(top);
            } else {
                for (String p : prefixes) {
                    if (top.startsWith(p)) {
                        within.add(top);
                    } else if (p.startsWith(top)) {
                        within.add(p);
                    }
                }
            }
            Set<Long> single = new HashSet<>();
            for (Long id : this.orgIds) {
                if (subtree.contains(id)) {
                    single.add(id);
                }
            }
            return new Reach(name, false, within, single, paths);
        }
        Set<Long> within = new HashSet<>();
        if (everything) {
            within.addAll(orgIds);
        } else {
            List<Long> candidates = orgIds.stream().distinct().toList();
            List<Long> viaPath = new ArrayList<>();
            for (Long id : candidates) {
                if (this.orgIds.contains(id)) {
                    within.add(id);
                } else {
                    viaPath.add(id);
                }
            }
            if (!viaPath.isEmpty() && !prefixes.isEmpty()) {
                Map<Long, String> found = pathOf(viaPath);
                viaPath.stream().filter(id -> underPrefix(found.get(id))).forEach(within::add);
            }
        }
        return new Reach(name, false, Set.of(), within, paths);
    }

    /** The organisations covered by either reach (e.g. a read that two permissions each allow). */
    public Reach or(Reach other) {
        if (everything || other.everything) {
            return new Reach(name + "_or", true, Set.of(), Set.of(), null);
        }
        Set<String> bothPrefixes = new HashSet<>(prefixes);
        bothPrefixes.addAll(other.prefixes);
        Set<Long> both = new HashSet<>(orgIds);
        both.addAll(other.orgIds);
        return new Reach(name + "_or_" + other.name.substring("reach_".length()), false, bothPrefixes, both,
                paths != null ? paths : other.paths);
    }

    /**
     * The SQL condition "this column holds an organisation within the reach", for a store's where clause;
     * bind {@link #params()} with it. Callers short-circuit on {@link #isEmpty()} first. Subtrees render as a
     * sub-select on the organisation's path with the prefixes inlined as literals (they are digits and slashes
     * only), so PostgreSQL plans each with the prefix's real selectivity and an index range scan.
     */
    public String sql(String orgColumn) {
        if (everything) {
            return "1 = 1";
        }
        List<String> parts = new ArrayList<>();
        if (!prefixes.isEmpty()) {
            StringBuilder like = new StringBuilder();
            for (String p : new TreeSet<>(prefixes)) {
                like.append(like.isEmpty() ? "" : " or ").append("reach_o.path like '").append(checkedPath(p))
                        .append("%'");
            }
            parts.add(orgColumn + " in (select reach_o.id from organisation reach_o where " + like + ")");
        }
        if (!orgIds.isEmpty() || parts.isEmpty()) {
            parts.add(orgColumn + " in (:" + name + ")");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
    }

    /** The parameters of {@link #sql(String)} (always safe to bind, also when the condition uses none). */
    public Map<String, Object> params() {
        return Map.of(name, everything || orgIds.isEmpty() ? Set.of(-1L) : orgIds);
    }

    @Override
    public String toString() {
        return everything ? name + "=everything"
                : name + "=" + prefixes.size() + " subtrees, " + orgIds.size() + " organisations";
    }
}
