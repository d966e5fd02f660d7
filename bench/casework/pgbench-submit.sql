-- One public submission as Renda's write path sends it to PostgreSQL, statement for statement
-- (CaseDesk.submitPublic + AuditTrail.record), without the application: the idempotency-key look-up
-- (a miss), the organisation look-up, the case row, its first timeline step, re-reading the case, and the
-- audit append (lock the chain head, insert the entry with a SHA-256 link, move the head), in one
-- transaction. Run with: pgbench -n -f pgbench-submit.sql -D org=<organisation id> -D orgcode=<code>
-- The audit hash is computed by PostgreSQL here (the application computes it in Java over more fields),
-- so this chain does not verify; use a bench database.
BEGIN;
SELECT * FROM case_item WHERE idempotency_key = 'pgb-miss-' || :client_id;
SELECT * FROM organisation WHERE code = ':orgcode';
INSERT INTO case_item (org_id, receipt_code, source, kind, category, title, content, location, submitter_name,
                       submitter_phone, anonymous, sponsor_deputy_id, complex, state, idempotency_key, created_at,
                       updated_at, version)
VALUES (:org, upper(substr(md5(random()::text), 1, 10)), 'PUBLIC_FORM', 'OPINION', '交通出行', '村口路灯损坏 pgbench',
        '东湖村三组路口的路灯坏了两个月，晚上看不清路，老人孩子出行不便，希望尽快修复。', '东湖村三组', NULL, NULL, true,
        NULL, false, 'RECEIVED', 'pgb-' || gen_random_uuid(), now(), now(), 0)
RETURNING id \gset
INSERT INTO case_event (case_id, org_id, occurred_at, actor, action, from_state, to_state, note, public_note)
VALUES (:id, :org, now(), 'system', 'TRIAGE', NULL, 'RECEIVED', NULL, true);
SELECT * FROM case_item WHERE id = :id;
SELECT last_seq + 1 AS seq, last_hash AS prev FROM audit_chain_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO audit_event (seq, org_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state,
                         prev_hash, hash)
VALUES (:seq, :org, now(), 'system', 'RECEIVED', 'case', ':id', NULL,
        '{"name":"村口路灯损坏 pgbench","receiptCode":"PGBENCH","state":"RECEIVED","dueOn":"null","rating":"null","outcome":"null","submitterPhone":""}',
        ':prev', encode(sha256(convert_to(':prev' || :seq || ':id' || 'RECEIVED', 'UTF8')), 'hex'));
UPDATE audit_chain_head SET last_seq = :seq,
       last_hash = encode(sha256(convert_to(':prev' || :seq || ':id' || 'RECEIVED', 'UTF8')), 'hex') WHERE id = 1;
COMMIT;
