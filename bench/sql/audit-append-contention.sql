-- Audit partitions (issue 15): the shape of AuditTrail.record (lock the chain head, move it, insert the entry,
-- the rest of the change holding the lock 5 ms), one chain vs 14. Scratch tables bench_head(chain int pk,
-- last_seq bigint) with rows 1..14 and bench_event(chain, seq, payload, pk(chain, seq)) in their own database:
--   pgbench -n -c 8 -j 2 -T 15 -D nchains=1 -f bench/sql/audit-append-contention.sql renda_scale_audit
\set c random(1, :nchains)
begin;
select last_seq from bench_head where chain = :c for update;
update bench_head set last_seq = last_seq + 1 where chain = :c;
insert into bench_event (chain, seq, payload) select :c, last_seq, md5(random()::text) from bench_head where chain = :c;
select pg_sleep(0.005);
commit;
