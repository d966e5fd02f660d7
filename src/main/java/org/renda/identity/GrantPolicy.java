package org.renda.identity;

import org.renda.shared.Actor;
import org.renda.shared.Permission;
import org.renda.shared.Role;

/**
 * Which roles an actor may give when creating accounts with {@link Permission#USER_CREATE}: only a role whose every
 * permission the actor holds on that organisation, so nobody creates an account stronger than their own there (a
 * town clerk creates deputies' and clerks' accounts in the town, never a system administrator's or a presiding
 * one's). {@link Permission#USER_WRITE} (administrators) keeps its own rule in {@link UserAdministration}.
 */
public final class GrantPolicy {

    private GrantPolicy() {}

    public static boolean mayCreate(Actor actor, Role role, long orgId) {
        if (!actor.can(Permission.USER_CREATE, orgId)) {
            return false;
        }
        for (Permission p : Permission.values()) {
            if (role.allows(p) && !actor.can(p, orgId)) {
                return false;
            }
        }
        return true;
    }
}
