package org.renda.deputy;

import org.renda.compliance.ComplianceEvidence;
import org.renda.org.OrgTree;
import org.springframework.stereotype.Component;

/** Regulation compliance evidence: every verified duty record (履职记录) of the town's deputies in the year. */
@Component
class DutyRecordEvidence implements ComplianceEvidence {

    private final DutyTrends trends;
    private final OrgTree orgs;

    DutyRecordEvidence(DutyTrends trends, OrgTree orgs) {
        this.trends = trends;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return "deputy.duties";
    }

    @Override
    public String label() {
        return "代表履职记录（条）";
    }

    @Override
    public Figure evidence(long orgId, int year) {
        long count = trends.byOrgMonthAndType(orgs.subtreeIds(orgId), year).stream()
                .mapToLong(DutyTrends.Cell::verified).sum();
        return new Figure(count, "/dashboard/records?kind=DUTIES&org=" + orgId + "&year=" + year);
    }
}
