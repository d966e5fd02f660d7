package org.renda.report.spi;

import java.util.List;
import org.renda.shared.Permission;
import org.renda.shared.Reach;

/**
 * A module's contribution to the annual report (年度工作总结): the figures it counts from its own records. One
 * small bean per module, calling only that module's code:
 *
 * <pre>{@code
 * @Component
 * class ComplianceReportFigures implements ReportFigureSource {
 *     public Permission permission() { return Permission.COMPLIANCE_READ; }
 *     public List<ReportFigure> figures(Reach reach, long orgId, int year) {
 *         return List.of(ReportFigure.count(ReportSection.COMPLIANCE, 10, "compliance.full",
 *                 "report.figure.compliance.full", full, ReportUnit.CLAUSE, "/compliance?org=" + orgId + "&year=" + year));
 *     }
 * }
 * }</pre>
 */
public interface ReportFigureSource {

    /**
     * The read permission of the module: the report hands {@link #figures} the reader's reach for it, so a reader
     * who may not read the module's records gets none of its figures (the source is not asked at all).
     */
    Permission permission();

    /**
     * The figures of the year (1 January to 31 December, Beijing time) for the organisation {@code orgId} and
     * everything under it. {@code reach} is already narrowed to that subtree and to what the reader may read with
     * {@link #permission()}: count every record whose owning organisation it covers ({@code reach.sql("org_id")}
     * in a store) and nothing else. Never empty-handed: a figure with nothing to count is a figure of 0.
     */
    List<ReportFigure> figures(Reach reach, long orgId, int year);
}
