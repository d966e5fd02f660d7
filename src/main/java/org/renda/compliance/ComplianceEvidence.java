package org.renda.compliance;

/**
 * A kind of evidence a checklist item can point at: records already kept in Renda, counted for a town (its subtree)
 * and a year, with the address of the list that shows them. Implemented by the module that owns the records, through
 * its own public facades only, so the counts obey that module's reach (a user sees only what they may read there).
 * The compliance module collects every implementation; an item names one by {@link #kind()}.
 */
public interface ComplianceEvidence {

    /** A stable code such as {@code station.count}; the checklist's evidence column names it. */
    String kind();

    /** The Chinese name shown beside an item, e.g. 代表联络站（个）. */
    String label();

    /** The count of the organisation's (subtree's) records of the year the actor may see, and where they are listed. */
    Figure evidence(long orgId, int year);

    /** A count and the address of the page listing the records counted. */
    record Figure(long count, String href) {}
}
