package org.renda.supervision;

import org.renda.compliance.ComplianceEvidence;
import org.renda.org.OrgTree;
import org.springframework.stereotype.Component;

/** Regulation compliance evidence: the supervision subjects and topics a town congress follows in the year. */
@Component
class TopicEvidence implements ComplianceEvidence {

    private final SupervisionDesk desk;
    private final OrgTree orgs;

    TopicEvidence(SupervisionDesk desk, OrgTree orgs) {
        this.desk = desk;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return "supervision.topics";
    }

    @Override
    public String label() {
        return "监督议题（个）";
    }

    @Override
    public Figure evidence(long orgId, int year) {
        var subtree = orgs.subtreeIds(orgId);
        long count = desk.index(year).subjects().stream().filter(l -> subtree.contains(l.subject().orgId())).count();
        return new Figure(count, "/supervision?year=" + year);
    }
}
