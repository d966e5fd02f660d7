package org.renda.station;

import java.time.LocalDate;
import org.renda.compliance.ComplianceEvidence;
import org.renda.org.OrgTree;
import org.springframework.stereotype.Component;

/** Regulation compliance evidence: the reception days (代表接待日) held in a town's stations in the year. */
@Component
class ReceptionDayEvidence implements ComplianceEvidence {

    private final ReceptionTrends trends;
    private final OrgTree orgs;

    ReceptionDayEvidence(ReceptionTrends trends, OrgTree orgs) {
        this.trends = trends;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return "station.receptionDays";
    }

    @Override
    public String label() {
        return "代表接待日（已开展，次）";
    }

    @Override
    public Figure evidence(long orgId, int year) {
        long held = trends.byOrgAndMonth(orgs.subtreeIds(orgId), year, LocalDate.now()).stream()
                .mapToLong(ReceptionTrends.Cell::held).sum();
        return new Figure(held, "/dashboard/records?kind=RECEPTIONS&org=" + orgId + "&year=" + year + "&measure=HELD");
    }
}
