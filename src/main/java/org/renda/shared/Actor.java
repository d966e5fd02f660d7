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
 * @param reach for each permission, the ids of all organisations (subtrees expanded) it applies to
 */
public record Actor(long userId, String username, String displayName, long homeOrgId, List<Grant> grants,
        Map<Permission, Set<Long>> reach) {

    public static final String SYSTEM = "system";

    public record Grant(Role role, long orgId, String orgName) {}

    public Actor {
        grants = List.copyOf(grants);
        reach = Map.copyOf(reach);
    }

    /**
     * What the permission covers for this actor: everything for the system actor, else the organisations its
     * grants reach (possibly none). Stores take it to scope their reads; {@link Reach#guard} checks a loaded row.
     */
    public Reach reach(Permission permission) {
        return isSystem() ? Reach.everything(permission) : Reach.of(permission, orgsWith(permission));
    }

    /** The ids behind a reach; private so that scope travels as a {@link Reach}, never as a bare id set. */
    private Set<Long> orgsWith(Permission permission) {
        return reach.getOrDefault(permission, Set.of());
    }

    /** The actor of startup jobs run in {@link SystemContext}: it may do anything, and is audited as "system". */
    public static Actor system() {
        return new Actor(0, SYSTEM, SYSTEM, 0, List.of(), Map.of());
    }

    public boolean isSystem() {
        return userId == 0 && SYSTEM.equals(username);
    }

    public boolean can(Permission permission, long orgId) {
        return reach(permission).covers(orgId);
    }

    public boolean canAny(Permission permission) {
        return !orgsWith(permission).isEmpty();
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
        return orgsWith(permission).containsAll(orgIds);
    }
}
