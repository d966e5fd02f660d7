package org.renda.shared;

import java.util.Optional;

/** Resolves the acting user of the current request or job; implemented by the identity module. */
public interface CurrentActor {

    /** The authenticated actor, if any. */
    Optional<Actor> current();

    /** The authenticated actor; fails with 401 semantics when nobody is signed in. */
    default Actor require() {
        return current().orElseThrow(() -> new NotAuthenticatedException());
    }

    /** What the permission covers for the authenticated actor (see {@link Actor#reach(Permission)}). */
    default Reach reach(Permission permission) {
        return require().reach(permission);
    }

    /** Who to write into the audit log: the username, or "system" for startup jobs and anonymous work. */
    default String auditName() {
        return current().map(Actor::username).orElse(Actor.SYSTEM);
    }
}
