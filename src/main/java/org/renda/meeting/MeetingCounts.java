package org.renda.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory count: how many sessions each town congress in the actor's reach has held this year (opened or
 * closed) against the minimum the law sets ({@code renda.meeting.minimum-per-year.SESSION}, 2). Read by the dashboard
 * and the meeting index.
 */
@Service
@Transactional(readOnly = true)
public class MeetingCounts {

    private final MeetingStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final MeetingSettings settings;

    MeetingCounts(MeetingStore store, OrgTree orgs, CurrentActor currentActor, MeetingSettings settings) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.settings = settings;
    }

    /** One town: held this year, the minimum, and whether it is short of it. */
    public record OrgCount(long orgId, String orgName, int held, int minimum) {

        public boolean belowMinimum() {
            return held < minimum;
        }
    }

    /** Every town in reach (MEETING_READ), in the tree's order, with its sessions held in the year. */
    public List<OrgCount> sessions(int year) {
        return held(MeetingKind.SESSION, year);
    }

    /** The same, narrowed to one organisation's subtree (the dashboard's chosen place), when given. */
    public List<OrgCount> sessions(int year, @Nullable Long within) {
        if (within == null) {
            return sessions(year);
        }
        java.util.Set<Long> subtree = orgs.subtreeIds(within);
        return sessions(year).stream().filter(c -> subtree.contains(c.orgId())).toList();
    }

    public List<OrgCount> held(MeetingKind kind, int year) {
        Reach reach = currentActor.reach(Permission.MEETING_READ);
        Map<Long, Integer> held = store.heldPerOrg(reach, kind, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        int minimum = settings.minimum(kind);
        return orgs.within(reach, java.util.EnumSet.of(OrgType.TOWN)).stream().filter(OrgView::active)
                .map(o -> new OrgCount(o.id(), o.name(), held.getOrDefault(o.id(), 0), minimum)).toList();
    }

    public int minimum(MeetingKind kind) {
        return settings.minimum(kind);
    }
}
