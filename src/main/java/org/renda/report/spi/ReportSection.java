package org.renda.report.spi;

/** The chapters of the annual report, in the order they are written; each names its heading's message key. */
public enum ReportSection {
    /** 代表联络站与联系群众: station activities, reception days, voters received. */
    STATIONS,
    /** 意见建议办理: opinions collected and closed. */
    CASEWORK,
    /** 代表履职: deputies' duty reports to their voters and other duties. */
    DEPUTIES,
    /** 监督工作: topics tracked, inspections, officials' duty reports, findings rectified. */
    SUPERVISION,
    /** 会议: congress sessions and presidium meetings. */
    MEETINGS,
    /** 工作评议与满意度测评. */
    APPRAISAL,
    /** 考核. */
    ASSESSMENT,
    /** 《条例》贯彻落实: the regulation checklist. */
    COMPLIANCE,
    /** 经费保障. */
    FUNDS;

    public String messageKey() {
        return "report.section." + name();
    }
}
