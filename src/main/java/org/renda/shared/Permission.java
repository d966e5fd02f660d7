package org.renda.shared;

/** What a role allows on the organisation subtree it is granted on. */
public enum Permission {
    ORG_READ,
    ORG_WRITE,
    USER_READ,
    USER_WRITE,
    /**
     * Create accounts on the subtree (a town's deputies in one step, an Excel import), with only the roles whose every
     * permission one holds there oneself; editing or resetting other accounts stays {@link #USER_WRITE}.
     */
    USER_CREATE,
    AUDIT_READ,
    AUDIT_VERIFY,
    /** Read the register of deputies and their archives. */
    DEPUTY_READ,
    /** Keep the register: deputies, seats, status changes, nameplates, grids; record duties for deputies. */
    DEPUTY_WRITE,
    /** Export the deputy roster with whole phone numbers (a clerk phones deputies); every such export is audited. */
    DEPUTY_CONTACT_EXPORT,
    /** Verify or reject the duty records deputies submit. */
    DUTY_VERIFY,
    /** Read the cases (opinions and suggestions) of an organisation. */
    CASE_READ,
    /** Register, triage, assign, merge and close cases. */
    CASE_WRITE,
    /** Sign for, return and reply to the cases assigned to one's unit. */
    CASE_HANDLE,
    /** Put a case under key supervision (重点督办). */
    CASE_SUPERVISE,
    /** Keep the working-day calendar (holidays, make-up working days) and the deadline rules of an organisation. */
    CALENDAR_WRITE,
    /** Read liaison stations, their reception rosters, records and ledgers. */
    STATION_READ,
    /** Keep liaison stations: staff, deputies, reception rules and rosters, records, the station's rhythm. */
    STATION_WRITE,
    /** Read appraisal campaigns, evidence, results and rectification ledgers. */
    APPRAISAL_READ,
    /** Run appraisal campaigns: units, groups, questionnaires, votes (open, close), rectification. */
    APPRAISAL_WRITE,
    /**
     * Preside over a satisfaction vote: close it (which announces and signs its results) and publish or withdraw
     * the results on the portal. The presiding officer's act at the meeting (主任/主席), not the clerk's.
     */
    APPRAISAL_PRESIDE,
    /** Answer for one's own unit in an appraisal: its public board, rectification reports. */
    APPRAISAL_RESPOND,
    /** Read assessment schemes, sheets and results. */
    ASSESSMENT_READ,
    /** Keep assessment schemes, evaluator groups and periods; close periods. */
    ASSESSMENT_WRITE,
    /** Fill in the scoring sheets one is assigned to. */
    ASSESSMENT_SCORE,
    /** Decide vetoes and adjustments and sign off results (the presidium). */
    ASSESSMENT_DECIDE,
    /** Read supervision subjects, topics, deputy groups, activities, findings and officials' duty reports. */
    SUPERVISION_READ,
    /**
     * Run supervision (监督): subjects and topics, deputy groups, the yearly rhythm, activities and attendance,
     * findings handed to the rectification ledger, the eight-step method, officials' duty reports.
     */
    SUPERVISION_WRITE,
    /** Read meetings (sessions, presidium meetings, forums), their agenda, materials, resolutions and elections. */
    MEETING_READ,
    /** Prepare and record meetings and elections: agenda, materials, attendance, votes, minutes, documents. */
    MEETING_WRITE,
    /**
     * Preside over a meeting: announce a resolution's or an election's result and confirm a qualification review
     * (the presidium's act at the session, not the clerk's).
     */
    MEETING_PRESIDE,
    /** Read the congress's funds ledger: budget lines, income, expenses, subsidies, execution. */
    FUNDS_READ,
    /** Keep the funds ledger: budget lines, income, expenses with vouchers, subsidy standards and payments. */
    FUNDS_WRITE,
    /** Read the regulation checklist, the towns' self-assessments and the county's review. */
    COMPLIANCE_READ,
    /** Keep one's own organisation's self-assessment against the regulation checklist, and its reports to the Party committee. */
    COMPLIANCE_WRITE,
    /** Keep the checklist itself and review the self-assessments of the towns below (the county standing committee). */
    COMPLIANCE_REVIEW
}
