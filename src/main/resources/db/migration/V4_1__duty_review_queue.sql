-- The review queue (DutyStore.queue): records waiting for staff, oldest first. With the status leading,
-- the queue is an ordered index scan that stops after one page, however many verified records pile up.
-- (A partial index "where status = 'SUBMITTED'" would be smaller but does not run on H2.)
create index duty_record_status_date on duty_record (status, occurred_on, id);
