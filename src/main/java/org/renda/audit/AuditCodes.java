package org.renda.audit;

import java.util.List;

/**
 * The codes the audit log is written with: each record type and each action a module records. The pages name
 * them through the bundles ({@code audit.type.<type>}, {@code audit.action.<action>}, or
 * {@code audit.action.<type>.<action>} where one action means something particular for one record type) and offer
 * them in the log's filters. A module that records a new code adds it here and to both bundles (AuditCodesTest
 * fails on a code in the log that is missing here, or a code here without a label).
 */
public final class AuditCodes {

    private AuditCodes() {}

    /** Record types, in the order the filter offers them. */
    public static final List<String> TYPES = List.of(
            "organisation", "user", "api_token", "deputy", "deputy_mandate", "duty_record", "commitment", "grid",
            "case", "station", "reception_day", "reception_duty", "reception_record", "reception_item",
            "station_activity", "appraisal", "vote", "rectification", "assessment_scheme", "assessment_period",
            "assessment_sheet", "assessment_decision", "assessment_appeal", "deadline_rule", "calendar_day", "deputy_contacts",
            "fund_line", "fund_income", "fund_expense", "fund_standard", "fund_deputy_flag", "fund_ledger");

    /** Actions, grouped roughly by module. */
    public static final List<String> ACTIONS = List.of(
            "CREATED", "UPDATED", "DELETED", "MOVED", "DEACTIVATED", "ACTIVATED", "IMPORTED", "GRANTS_CHANGED",
            "PASSWORD_RESET", "PASSWORD_CHANGED", "UNLOCKED", "SIGN_IN_DELAYED", "ISSUED", "REVOKED",
            "PHOTO_CHANGED", "STATUS_CHANGED", "NAMEPLATE_WITHDRAWN", "NAMEPLATE_RESTORED", "USER_LINKED",
            "VERIFIED", "REJECTED", "RETRACTED", "DEPUTY_ASSIGNED", "DEPUTY_UNASSIGNED", "DEPUTY_CHANGED",
            "DEPUTY_REMOVED", "RECEIVED", "TRIAGE", "ASSIGN", "SIGN", "RETURN", "REPLY", "RATE", "CLOSE", "MERGE",
            "WITHDRAW", "KEY_SUPERVISED", "KEY_SUPERVISION_ENDED", "CASE_OPENED", "STAFF_ADDED", "STAFF_REMOVED",
            "RULE_SAVED", "ROSTER_GENERATED", "CHANGED", "CONFIRMED", "DECLINED", "SWAPPED", "RHYTHM_PLANNED",
            "THEME", "HELD", "CANCELLED", "SUBJECT_ADDED", "GROUP_ADDED", "ASSIGNED", "BOARD_ADDED", "BOARD_UPDATED",
            "EVIDENCE_ADDED", "QUESTIONNAIRE_PAPER", "QUESTIONNAIRE_OPENED", "QUESTIONNAIRE_CLOSED", "REPORT_SAVED",
            "RAISED", "CARRIED", "COMMITTED", "REPORTED", "CHECKED", "ACCEPTED", "INTERVIEWED", "LEVEL_SET",
            "ROLL_ADDED", "CODES_PRINTED", "CODES_ACCEPTED", "OPENED", "CLOSED", "PAPER_ENTERED", "PUBLISHED",
            "UNPUBLISHED", "GROUP_CREATED", "CONFLICT_DECLARED", "RATE_ENTERED", "BONUS_ADDED", "VETO", "EXCUSE", "EXPORTED", "POINTS",
            "DEMOTE", "WITHDRAWN", "SIGNED", "FINAL", "FILED", "ANSWERED", "SAVED", "SUBMITTED", "REOPENED",
            "COMMENTED", "VERSIONED", "COMMENTING", "APPROVED", "FROZEN", "OPEN",
            "REVERSED", "VOUCHER_ADDED");
}
