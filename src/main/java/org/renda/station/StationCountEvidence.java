package org.renda.station;

import org.renda.compliance.ComplianceEvidence;
import org.renda.org.OrgTree;
import org.springframework.stereotype.Component;

/** Regulation compliance evidence: the active liaison stations (centre stations, stations, points) of a town. */
@Component
class StationCountEvidence implements ComplianceEvidence {

    private final StationNetwork network;
    private final OrgTree orgs;

    StationCountEvidence(StationNetwork network, OrgTree orgs) {
        this.network = network;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return "station.count";
    }

    @Override
    public String label() {
        return "代表联络站（个）";
    }

    @Override
    public Figure evidence(long orgId, int year) {
        var subtree = orgs.subtreeIds(orgId);
        long count = network.list().stream().filter(s -> s.active() && subtree.contains(s.orgId())).count();
        return new Figure(count, "/stations?year=" + year);
    }
}
