-- The floor: only the case row and its first timeline step, in one transaction, nothing else.
-- Run with: pgbench -n -f pgbench-insert-only.sql -D org=<organisation id>
BEGIN;
INSERT INTO case_item (org_id, receipt_code, source, kind, category, title, content, location, submitter_name,
                       submitter_phone, anonymous, sponsor_deputy_id, complex, state, idempotency_key, created_at,
                       updated_at, version)
VALUES (:org, upper(substr(md5(random()::text), 1, 10)), 'PUBLIC_FORM', 'OPINION', '交通出行', '村口路灯损坏 pgbench',
        '东湖村三组路口的路灯坏了两个月，晚上看不清路，老人孩子出行不便，希望尽快修复。', '东湖村三组', NULL, NULL, true,
        NULL, false, 'RECEIVED', 'pgb-' || gen_random_uuid(), now(), now(), 0)
RETURNING id \gset
INSERT INTO case_event (case_id, org_id, occurred_at, actor, action, from_state, to_state, note, public_note)
VALUES (:id, :org, now(), 'system', 'TRIAGE', NULL, 'RECEIVED', NULL, true);
COMMIT;
