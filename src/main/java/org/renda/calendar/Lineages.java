package org.renda.calendar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.renda.org.OrgEvents;
import org.renda.shared.CacheSignals;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The lineage (root first) of an organisation, cached: both the calendar and the deadline rules resolve
 * along it for every due date. A move rewrites lineages, so it empties the cache, on every instance.
 */
@Component
class Lineages {

    private static final long[] NONE = new long[0];

    private final OrgTree orgs;
    private final Map<Long, long[]> cache = new ConcurrentHashMap<>();

    /** The name of the lineages' cache among the instances' {@link CacheSignals}. */
    static final String CACHE = "calendar.lineages";

    private final CacheSignals signals;

    Lineages(OrgTree orgs, CacheSignals signals) {
        this.orgs = orgs;
        this.signals = signals;
        signals.onChange(CACHE, cache::clear);
    }

    long[] of(long orgId) {
        if (orgId == WorkingCalendar.NATIONAL) {
            return NONE;
        }
        long[] cached = cache.get(orgId);
        if (cached != null) {
            return cached;
        }
        // An unknown id is not cached: it may be an organisation created in a transaction not yet committed.
        return orgs.find(orgId).map(OrgView::lineage).map(l -> {
            cache.put(orgId, l);
            return l;
        }).orElse(NONE);
    }

    @EventListener
    void moved(OrgEvents.OrganisationMoved event) {
        AfterCommit.invalidate(cache::clear);
        signals.changed(CACHE); // in the moving transaction: the other instances drop theirs once it commits
    }
}
