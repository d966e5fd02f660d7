package org.renda.report.spi;

/**
 * The measure word a figure is counted in (场, 件, 人次 …), a rate, or money. Values of {@link #YUAN} are fen (分)
 * and printed as yuan with two decimals; {@link #PERCENT} values are percentages (e.g. 93.75).
 */
public enum ReportUnit {
    /** 场: activities, meetings. */
    SESSION,
    /** 件: opinions, suggestions. */
    ITEM,
    /** 人次: people received, deputies reporting. */
    PERSON_TIME,
    /** 人: officials. */
    PERSON,
    /** 个: topics, units, problems solved. */
    PIECE,
    /** 条: findings, opinions raised at a reception. */
    CLAUSE,
    /** 项: items of a checklist. */
    MATTER,
    /** 次: visits, inspections. */
    TIMES,
    /** %: a rate. */
    PERCENT,
    /** 元: an amount held in fen. */
    YUAN;

    public String messageKey() {
        return "report.unit." + name();
    }
}
