-- Public portal (issue 14): the presiding officer puts a period's final results on the congress's public portal,
-- and may take them down again. Only a period with public_since set is shown to the public; the earlier
-- "published" (published_on) means shown to the subjects for their appeals, not to everyone.
alter table assessment_period add column public_since timestamp with time zone;
alter table assessment_period add column public_by varchar(100);
