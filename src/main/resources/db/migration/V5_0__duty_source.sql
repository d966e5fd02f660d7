-- Duty records written by another capability on a deputy's behalf (a reception day held at a liaison station,
-- a station meeting attended) carry the key of what they attest, so saving the source twice never counts twice
-- and withdrawing the source can retract the record. Several NULLs are allowed by a unique index on H2 and PG.
alter table duty_record add column source_key varchar(120);
create unique index duty_record_source on duty_record (source_key);
