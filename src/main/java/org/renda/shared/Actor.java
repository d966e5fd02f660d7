package org.renda.shared;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user behind the current request, with the organisations each permission reaches. Every query
 * and command of every module asks the actor, so that a user never touches a record outside the
 * subtrees their roles are granted on.
 *
 * @param reach for each permission, single organisations it applies to (tests and hand-built actors)
 * @param subtrees for each permission, the path prefixes of the subtrees it applies to ({@code '/1/3/'}; {@code "/"}
 *        is the whole tree): what the signed-in user's grants give, never expanded into ids
 * @param paths resolves an organisation's path when a loaded row is checked against a subtree (null: no subtrees)
 */
public record Actor(long userId, String username, String displayName, long homeOrgId, List<Grant> grants,
        Map<Permission, Set<Long>> reach, Map<Permission, Set<String>> subtrees, OrgPaths paths) {

    public static final String SYSTEM = "system";

    public record Grant(Role role, long orgId, String orgName) {}

    public Actor {
        grants = List.copyOf(grants);
        reach = Map.copyOf(reach);
        subtrees = Map.copyOf(subtrees);
    }

    /** An actor whose reach is exactly these organisations per permission (no subtrees). */
    public Actor(long userId, String username, String displayName, long homeOrgId, List<Grant> grants,
            Map<Permission, Set<Long>> reach) {
        this(userId, username, displayName, homeOrgId, grants, reach, Map.of(), null);
    }

    /**
     * What the permission covers for this actor: everything for the system actor, else the organisations its
     * grants reach (possibly none). Stores take it to scope their reads; {@link Reach#guard} checks a loaded row.
     */
    public Reach reach(Permission permission) {
        if (isSystem()) {
            return Reach.everything(permission);
        }
        Set<String> prefixes = subtrees.getOrDefault(permission, Set.of());
        Set<Long> ids = reach.getOrDefault(permission, Set.of());
        return prefixes.isEmpty() ? Reach.of(permission, ids) : Reach.of(permission, prefixes, ids, paths);
    }

    /** The actor of startup jobs run in {@link SystemContext}: it may do anything, and is audited as "system". */
    public static Actor system() {
        return new Actor(0, SYSTEM, SYSTEM, 0, List.of(), Map.of(), Map.of(), null);
    }

    public boolean isSystem() {
        return userId == 0 && SYSTEM.equals(username);
    }

    public boolean can(Permission permission, long orgId) {
        return reach(permission).covers(orgId);
    }

    public boolean canAny(Permission permission) {
        return !isSystem() && !reach(permission).isEmpty();
    }

    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** Throws {@link NotFoundException} (not 403: a foreign record must not even be confirmed to exist). */
    public void require(Permission permission, long orgId) {
        reach(permission).check(orgId);
    }

    public Set<Role> roles() {
        Set<Role> roles = new HashSet<>();
        grants.forEach(g -> roles.add(g.role()));
        return roles;
    }

    /** True if every given organisation is within the permission's reach. */
    public boolean canAll(Permission permission, Collection<Long> orgIds) {
        return isSystem() ? orgIds.isEmpty() : reach(permission).coversAll(orgIds);
    }
}
