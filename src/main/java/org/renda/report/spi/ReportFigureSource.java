package org.renda.report.spi;

import java.util.List;
import org.renda.shared.Permission;
import org.renda.shared.Reach;

/**
 * A module's contribution to the annual report (年度工作总结): the figures it counts from its own records. One
 * small bean per module, calling only that module's code.
 *
 * {@code ComplianceReportFigures} in {@code docs/annual-report.md} is the model: a permission, and a list of
 * {@code ReportFigure.count(...)} of the module's own rows.
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
     * {@link #permission()}: count every record whose owning organisation it covers ({@code reach.sql} of its {@code org_id} column
     * in a store) and nothing else. Never empty-handed: a figure with nothing to count is a figure of 0.
     */
    List<ReportFigure> figures(Reach reach, long orgId, int year);
}
