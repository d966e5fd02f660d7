package org.renda.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseViews.UnitGroup;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Routing a case to its handling units: which units a case of an organisation may go to (its county's
 * departments and units, and the organisations below its own), offered grouped by kind; the lead and co-handling
 * units of an assignment checked against that choice; the assignment written.
 */
@Component
class CaseAssigner {

    /** The kinds a case can be handled by, in the order the picker offers them. */
    static final List<OrgType> HANDLING_KINDS = List.of(OrgType.DEPARTMENT, OrgType.UNIT, OrgType.TOWN,
            OrgType.STREET, OrgType.VILLAGE, OrgType.COMMUNITY);

    private final CaseStore store;
    private final OrgTree orgs;

    CaseAssigner(CaseStore store, OrgTree orgs) {
        this.store = store;
        this.orgs = orgs;
    }

    /** The units a case of this organisation can be assigned to: its county's departments and its own subtree. */
    List<OrgView> choices(long caseOrgId) {
        OrgView org = orgs.find(caseOrgId).orElseThrow();
        Set<Long> ids = new HashSet<>(orgs.subtreeIds(caseOrgId));
        for (long ancestor : org.lineage()) {
            orgs.find(ancestor).filter(o -> o.type() == OrgType.COUNTY).ifPresent(county ->
                    orgs.findAll(orgs.subtreeIds(county.id())).stream()
                            .filter(o -> o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT)
                            .forEach(o -> ids.add(o.id())));
        }
        List<OrgView> units = new ArrayList<>(orgs.findAll(ids).stream().filter(OrgView::active)
                .filter(o -> HANDLING_KINDS.contains(o.type()) && o.id() != caseOrgId).toList());
        units.sort(Comparator.comparing((OrgView o) -> HANDLING_KINDS.indexOf(o.type()))
                .thenComparing(OrgView::sortOrder).thenComparing(OrgView::id));
        return units;
    }

    /** The same choice grouped by kind (departments, other units, towns, villages, communities), no empty group. */
    List<UnitGroup> groups(long caseOrgId) {
        Map<OrgType, List<OrgView>> byKind = new EnumMap<>(OrgType.class);
        for (OrgView u : choices(caseOrgId)) {
            byKind.computeIfAbsent(u.type(), k -> new ArrayList<>()).add(u);
        }
        return HANDLING_KINDS.stream().filter(byKind::containsKey).map(k -> new UnitGroup(k, byKind.get(k))).toList();
    }

    /** The lead first, then each co-handling unit once; every one must be a choice for this case. */
    List<Long> checked(long caseOrgId, @Nullable Long lead, List<Long> co) {
        if (lead == null) {
            throw DomainException.onField("leadUnitId", "case.error.leadRequired");
        }
        Set<Long> allowed = new HashSet<>();
        choices(caseOrgId).forEach(o -> allowed.add(o.id()));
        if (!allowed.contains(lead)) {
            throw DomainException.onField("leadUnitId", "case.error.unit");
        }
        List<Long> units = new ArrayList<>();
        units.add(lead);
        for (Long u : co) {
            if (u != null && !units.contains(u)) {
                if (!allowed.contains(u)) {
                    throw DomainException.onField("coUnitIds", "case.error.unit");
                }
                units.add(u);
            }
        }
        return units;
    }

    /** Ends the case's current assignments and assigns it to these units (the first leads). */
    void assign(CaseStore.Row c, List<Long> units) {
        store.endAssignments(c.id(), "reassigned");
        for (int i = 0; i < units.size(); i++) {
            store.assign(c.id(), c.orgId(), units.get(i), i == 0);
        }
    }

    /** "主办：X；协办：Y、Z", kept on the timeline. */
    String describe(List<Long> units) {
        Map<Long, String> names = new HashMap<>();
        orgs.findAll(units).forEach(o -> names.put(o.id(), o.name()));
        StringBuilder sb = new StringBuilder("主办：").append(names.get(units.get(0)));
        if (units.size() > 1) {
            sb.append("；协办：");
            sb.append(String.join("、", units.subList(1, units.size()).stream().map(names::get).toList()));
        }
        return sb.toString();
    }
}
