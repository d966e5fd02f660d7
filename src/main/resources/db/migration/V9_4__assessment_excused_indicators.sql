-- The presidium's EXCUSE decision: the unscored indicators of a subject it accepts as zero (not applicable to the
-- subject, or scored zero), comma-separated codes, with the decision's reason. Only then may an incomplete subject
-- take an award tier (docs/assessment.md, "Incomplete subjects").
alter table assessment_decision add column indicator_codes varchar(500);
