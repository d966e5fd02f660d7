-- A handling unit's reply carries its own documents (photos, PDF): each attachment names the timeline step it
-- came with; null is the submission's own photos.
alter table case_attachment add column event_id bigint;
create index case_attachment_event on case_attachment (event_id);
