package org.renda.identity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.SystemContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Builds the {@link Actor} of the signed-in user: the grants are read from the database on each
 * request (so a revoked role stops working at once) and expanded into the organisations each
 * permission reaches (as path prefixes of the organisation tree). The result is cached for the rest of the request.
 */
@Component
class ActorResolver implements CurrentActor {

    private static final String CACHE = ActorResolver.class.getName();

    private final UserStore users;
    private final OrgTree orgs;

    ActorResolver(UserStore users, OrgTree orgs) {
        this.users = users;
        this.orgs = orgs;
    }

    @Override
    public Optional<Actor> current() {
        if (SystemContext.isActive()) {
            return Optional.of(Actor.system());
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof RendaPrincipal principal)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Actor cached
                && cached.userId() == principal.userId()) {
            return Optional.of(cached);
        }
        Actor actor = build(principal.userId());
        if (request != null) {
            request.setAttribute(CACHE, actor, RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.of(actor);
    }

    /**
     * The actor of a user, straight from the store; also used for bearer tokens and tests. Each grant's subtree
     * is held as its path prefix, never expanded into ids; grants covering every root become {@code "/"}.
     */
    Actor build(long userId) {
        UserStore.Account account = users.byId(userId).orElseThrow();
        List<UserStore.StoredGrant> stored = account.enabled() ? users.grants(userId) : List.of();
        Map<Permission, Set<String>> subtrees = new EnumMap<>(Permission.class);
        List<Actor.Grant> grants = new ArrayList<>();
        for (UserStore.StoredGrant g : stored) {
            Optional<OrgView> org = orgs.find(g.orgId()).filter(OrgView::active);
            if (org.isEmpty()) {
                continue;
            }
            grants.add(new Actor.Grant(g.role(), g.orgId(), org.get().name()));
            for (Permission p : Permission.values()) {
                if (g.role().allows(p)) {
                    subtrees.computeIfAbsent(p, k -> new HashSet<>()).add(org.get().path());
                }
            }
        }
        if (!subtrees.isEmpty()) {
            Set<String> roots = new HashSet<>();
            for (OrgView root : orgs.roots()) {
                roots.add(root.path());
            }
            subtrees.replaceAll((p, prefixes) -> prefixes.containsAll(roots) ? Set.of("/") : prefixes);
        }
        return new Actor(account.id(), account.username(), account.displayName(), account.orgId(), grants, Map.of(),
                subtrees, orgs);
    }
}
