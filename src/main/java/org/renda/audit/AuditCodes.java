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
            "eight_step_template", "eight_step_process", "official_report_plan", "official_report",
            // meetings (issue 13)
            "meeting", "meeting_resolution", "meeting_presidium",
            // elections (issue 13)
            "election",
            // supervision (issue 13)
            "supervision_subject", "supervision_group", "supervision_activity",
            // funds (issue 14)
            "fund_line", "fund_income", "fund_expense", "fund_standard", "fund_deputy_flag", "fund_ledger",
            // regulation compliance (issue 14)
            "compliance_checklist", "compliance_assessment", "compliance_rating", "compliance_party_report",
            "compliance_figures",
            // annual report (issue 14)
            "annual_report");

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
            "STEP_CLOSED", "STEP_REOPENED", "SITTING_ADDED", "SCHEDULED", "QUESTION_ASKED", "QUESTION_ANSWERED",
            "VOTE_CREATED", "VOTED",
            // meetings (issue 13)
            "NOTIFIED", "AGENDA_ADDED", "AGENDA_REMOVED", "MATERIAL_ADDED", "MATERIAL_REMOVED", "INVITED", "RESPONDED",
            "PRESENCE", "MOTION_RAISED", "SPEECH", "MINUTES", "VOTE_RECORDED", "ANNOUNCED", "MEMBERS_SAVED",
            // elections (issue 13)
            "CANDIDATE_ADDED", "STEP_RECORDED", "ROUND_COUNTED", "RESULT_ANNOUNCED", "OATH_TAKEN",
            "QUALIFICATION_CONFIRMED", "QUALIFICATION_REFUSED",
            // supervision (issue 13)
            "VOTE_LINKED",
            // funds (issue 14)
            "REVERSED", "VOUCHER_ADDED",
            // regulation compliance (issue 14)
            "RETURNED", "FILE_ADDED",
            // public portal (issue 14): an assessment's final results put on the portal and withdrawn
            "PORTAL_PUBLISHED", "PORTAL_WITHDRAWN",
            // annual report (issue 14)
            "GENERATED");
}
