package org.renda.compliance;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportFigureSource;
import org.renda.report.spi.ReportSection;
import org.renda.report.spi.ReportUnit;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.stereotype.Component;

/**
 * The regulation chapter of the annual report: of the checklist's items, how many are fully, partly and not
 * implemented, and the reports to the Party committee (请示报告). A town's figures are its own ratings. Above a town,
 * an item counts once, as the regulation does (41 items: 35 fully, 6 partly): fully implemented when every town
 * that rated it implemented it fully, not implemented when none did at all, partly otherwise.
 */
@Component
class ComplianceReportFigures implements ReportFigureSource {

    private final ComplianceStore store;

    ComplianceReportFigures(ComplianceStore store) {
        this.store = store;
    }

    @Override
    public Permission permission() {
        return Permission.COMPLIANCE_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<Integer, Set<Rating>> byItem = new TreeMap<>();
        for (RatingView r : store.ratings(reach, year)) {
            if (r.rating() != null) {
                byItem.computeIfAbsent(r.itemNo(), k -> EnumSet.noneOf(Rating.class)).add(r.rating());
            }
        }
        long full = byItem.values().stream().filter(set -> set.equals(EnumSet.of(Rating.FULL))).count();
        long none = byItem.values().stream().filter(set -> set.equals(EnumSet.of(Rating.NONE))).count();
        long partial = byItem.size() - full - none;
        long partyReports = store.partyReports(reach, year).size();
        String list = "/compliance/" + orgId + "?year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.COMPLIANCE, 10, "compliance.full", "report.figure.compliance.full",
                        full, ReportUnit.MATTER, list),
                ReportFigure.count(ReportSection.COMPLIANCE, 20, "compliance.partial",
                        "report.figure.compliance.partial", partial, ReportUnit.MATTER, list),
                ReportFigure.count(ReportSection.COMPLIANCE, 30, "compliance.none", "report.figure.compliance.none",
                        none, ReportUnit.MATTER, list),
                ReportFigure.count(ReportSection.COMPLIANCE, 40, "compliance.partyReports",
                        "report.figure.compliance.partyReports", partyReports, ReportUnit.TIMES, list));
    }
}
