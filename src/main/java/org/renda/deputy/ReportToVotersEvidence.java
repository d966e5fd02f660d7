package org.renda.deputy;

import org.renda.compliance.ComplianceEvidence;
import org.renda.org.OrgTree;
import org.springframework.stereotype.Component;

/** Regulation compliance evidence: deputies' verified reports to their voters (向选民述职) in the year. */
@Component
class ReportToVotersEvidence implements ComplianceEvidence {

    private final DutyTrends trends;
    private final OrgTree orgs;

    ReportToVotersEvidence(DutyTrends trends, OrgTree orgs) {
        this.trends = trends;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return "deputy.reportToVoters";
    }

    @Override
    public String label() {
        return "代表向选民述职（人次）";
    }

    @Override
    public Figure evidence(long orgId, int year) {
        long count = trends.byOrgMonthAndType(orgs.subtreeIds(orgId), year).stream()
                .filter(c -> c.type() == DutyType.REPORT_TO_VOTERS).mapToLong(DutyTrends.Cell::verified).sum();
        return new Figure(count, "/dashboard/records?kind=DUTIES&org=" + orgId + "&year=" + year
                + "&type=REPORT_TO_VOTERS");
    }
}
