package org.renda.casework;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.renda.casework.CaseEnums.Party;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.springframework.stereotype.Component;

/**
 * In which capacities an actor stands to a case: staff of its organisation, a handling unit it is assigned to,
 * or the deputy who submitted or co-signed it. No capacity and no supervisor's reading right means the case is
 * outside the actor's reach (404).
 */
@Component
class CaseParties {

    private final CaseStore store;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;

    CaseParties(CaseStore store, DeputyRegister deputies, CurrentActor currentActor) {
        this.store = store;
        this.deputies = deputies;
        this.currentActor = currentActor;
    }

    Set<Party> of(Actor actor, CaseStore.Row c) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (actor.can(Permission.CASE_WRITE, c.orgId())) {
            parties.add(Party.STAFF);
        }
        if (!unitsOfActor(c).isEmpty()) {
            parties.add(Party.UNIT);
        }
        Optional<Long> me = actor.isSystem() ? Optional.empty() : deputies.mine().map(DeputyProfile::id);
        if (me.isPresent() && (me.get().equals(c.sponsorDeputyId()) || store.cosigners(c.id()).contains(me.get()))) {
            parties.add(Party.SUBMITTER);
        }
        return parties;
    }

    /** Reads without a part in it: the organisation's readers and the units it was ever assigned to. */
    boolean readsAsSupervisor(CaseStore.Row c) {
        Actor actor = currentActor.require();
        return actor.can(Permission.CASE_READ, c.orgId())
                || store.assignedUnits(c.id()).stream().anyMatch(u -> actor.can(Permission.CASE_HANDLE, u));
    }

    /** Whether the actor may see the case at all. */
    boolean reaches(CaseStore.Row c) {
        return !of(currentActor.require(), c).isEmpty() || readsAsSupervisor(c);
    }

    /** The units of the case's active assignments that the actor answers for. */
    List<Long> unitsOfActor(CaseStore.Row c) {
        Actor actor = currentActor.require();
        return store.activeUnits(c.id(), false).stream().filter(u -> actor.can(Permission.CASE_HANDLE, u)).toList();
    }
}
