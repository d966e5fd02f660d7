-- One rectification ledger for appraisal and supervision: an item's source is an appraisal campaign's
-- subject (campaign_id, subject_id as before) or a supervision subject (source_kind SUPERVISION, source_id,
-- source_title; campaign and subject empty). for_year keeps the year of items without a campaign.

alter table rectification alter column campaign_id drop not null;
alter table rectification alter column subject_id drop not null;
alter table rectification add column source_kind varchar(20) default 'APPRAISAL' not null;
alter table rectification add column source_id bigint;
alter table rectification add column source_title varchar(200);
alter table rectification add column for_year int;
create index ix_rectification_source on rectification (source_kind, source_id);
