package org.renda.calendar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read and keep the calendar and the deadline rules of a scope. A scope is an organisation
 * (its days and rules apply to its subtree) or {@link WorkingCalendar#NATIONAL}: the national calendar
 * and defaults are read by everyone signed in and kept by a system administrator granted on a root of
 * the tree, because they apply to every organisation.
 */
@Component
class CalendarScopes {

    /** A scope the page offers: the national calendar (id 0) or an organisation the actor holds a role on. */
    record Scope(long orgId, String name, boolean writable) {}

    private final OrgTree orgs;

    CalendarScopes(OrgTree orgs) {
        this.orgs = orgs;
    }

    boolean canRead(Actor actor, long orgId) {
        return orgId == WorkingCalendar.NATIONAL || actor.can(Permission.ORG_READ, orgId);
    }

    boolean canWrite(Actor actor, long orgId) {
        if (actor.isSystem()) {
            return true;
        }
        if (orgId == WorkingCalendar.NATIONAL) {
            return actor.grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN
                    && orgs.find(g.orgId()).map(o -> o.parentId() == null).orElse(false));
        }
        return actor.can(Permission.CALENDAR_WRITE, orgId);
    }

    /** Outside the actor's reach answers 404, like a record that does not exist. */
    void requireRead(Actor actor, long orgId) {
        if (!canRead(actor, orgId)) {
            throw new NotFoundException("error.notFound");
        }
    }

    void requireWrite(Actor actor, long orgId) {
        requireRead(actor, orgId);
        if (!canWrite(actor, orgId)) {
            throw new NotFoundException("error.notFound");
        }
    }

    /** The organisation an audit entry is filed under: national changes go to the root, where administrators read them. */
    long auditOrg(long orgId) {
        if (orgId != WorkingCalendar.NATIONAL) {
            return orgId;
        }
        return orgs.roots().stream().findFirst().map(OrgView::id).orElse(WorkingCalendar.NATIONAL);
    }

    String name(long orgId, String nationalName) {
        return orgId == WorkingCalendar.NATIONAL ? nationalName
                : orgs.find(orgId).map(OrgView::name).orElse(String.valueOf(orgId));
    }

    /** The national scope, then each organisation the actor holds a role on, for the page's picker. */
    List<Scope> scopes(Actor actor, String nationalName) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(WorkingCalendar.NATIONAL, nationalName, canWrite(actor, WorkingCalendar.NATIONAL)));
        Set<Long> ids = new LinkedHashSet<>();
        actor.grants().forEach(g -> ids.add(g.orgId()));
        for (OrgView org : orgs.findAll(ids)) {
            if (canRead(actor, org.id())) {
                scopes.add(new Scope(org.id(), org.name(), canWrite(actor, org.id())));
            }
        }
        return scopes;
    }
}
