package org.renda.compliance;

import org.renda.org.OrgTree;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.springframework.stereotype.Component;

/** The town congress's reports to the Party committee (请示报告) of the year, as evidence. */
@Component
class PartyReportEvidence implements ComplianceEvidence {

    private final ComplianceStore store;
    private final CurrentActor currentActor;
    private final OrgTree orgs;

    PartyReportEvidence(ComplianceStore store, CurrentActor currentActor, OrgTree orgs) {
        this.store = store;
        this.currentActor = currentActor;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return "compliance.partyReports";
    }

    @Override
    public String label() {
        return "向党委请示报告（次）";
    }

    @Override
    public Figure evidence(long orgId, int year) {
        var reach = currentActor.reach(Permission.COMPLIANCE_READ).narrow(orgs.subtreeIds(orgId));
        return new Figure(store.partyReports(reach, year).size(),
                "/compliance/" + orgId + "/party-reports?year=" + year);
    }
}
