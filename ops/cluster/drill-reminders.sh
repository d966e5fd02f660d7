#!/usr/bin/env bash
# The reminder drill: 3 instances whose case-reminder job fires every minute, a few thousand overdue cases, and the
# instance that takes the job's lock killed (-9) in the middle of its run. Each reminder must be written, and
# e-mailed (to an SMTP sink on 127.0.0.1:2525), exactly once: the killed run's transaction rolls back, a survivor
# runs the job once the dead instance's lock expires, later runs add nothing (notification keys), the dispatchers
# (on every instance, each e-mail claimed by one) send each e-mail once. Starts its own cluster (ops/cluster/start.sh) and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
DRILLS=$PWD/ops/cluster
RUN=${RUN:-/tmp/renda-cluster}; export RUN
CASES=${CASES:-3000}
PSQL=(psql -h 127.0.0.1 -U postgres -d renda_cluster -v ON_ERROR_STOP=1 -qAt)
mkdir -p "$RUN"
if [ -z "${NO_START:-}" ]; then # NO_START=1: use the cluster (and sink) started by an earlier run
rm -f "$RUN/mails.tsv"
python3 ops/cluster/smtp-sink.py 2525 "$RUN/mails.tsv" & echo $! > "$RUN/smtp.pid"

# every minute at second 0; a dead instance's lock is given up after 20 s; e-mails leave every 5 s
export RENDA_CASEWORK_REMINDERCRON='0 * * * * *' RENDA_CLUSTER_LOCKATMOSTFOR=PT20S RENDA_CLUSTER_LOCKATLEASTFOR=PT10S
export RENDA_NOTIFICATION_DISPATCH_INTERVAL=5s
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=2525
ops/cluster/start.sh
fi
# WITH_KILL_NODE=1: the kill-a-node drill first (instance 2 dies), then this one on the two left
[ -z "${WITH_KILL_NODE:-}" ] || "$DRILLS/drill-kill-node.sh" || echo "kill-node drill FAILED"

# the cases: overdue three days, each assigned to the transport bureau (its staff: unit.jiaotong); e-mail addresses
# for everyone so each notification also leaves as an e-mail
"${PSQL[@]}" <<SQL
update app_user set email = username || '@drill.test' where email is null or email = '';
insert into case_item (org_id, receipt_code, source, kind, category, title, content, state, due_on, created_at, updated_at)
select o.id, 'DRILL' || lpad(g::text, 8, '0'), 'RECEPTION', 'SUGGESTION', 'TRANSPORT', '演练件 ' || g, '演练', 'ASSIGNED',
       current_date - 3, now(), now()
from generate_series(1, $CASES) g, (select id from organisation where code = 'QH') o
on conflict do nothing;
insert into case_assignment (case_id, org_id, unit_org_id, lead, assigned_at)
select c.id, c.org_id, u.id, true, now() from case_item c, (select id from organisation where code = 'QH-D11') u
where c.receipt_code like 'DRILL%' and not exists (select 1 from case_assignment a where a.case_id = c.id);
SQL
echo "$CASES overdue cases"

# wait for a run to take the lock, then kill its instance at once. (Never delete a lock row: ShedLock remembers
# that it exists and only updates it afterwards.)
since=$("${PSQL[@]}" -c "select now() at time zone 'utc'")
holder=""
for _ in $(seq 1 1200); do
  holder=$("${PSQL[@]}" -c "select locked_by from shedlock where name = 'case-reminders' and locked_at > '$since' and lock_until > now() at time zone 'utc'" || true)
  [ -n "$holder" ] && break
  sleep 0.1
done
pid=${holder##*/}
runs_before=$(cat "$RUN"/node*.log | grep -c "Case reminders:" || true)
sleep 1
kill -9 "$pid"
echo "killed instance pid $pid while it ran the reminders (lock: $holder)"
written_at_kill=$("${PSQL[@]}" -c "select count(*) from notification where dedupe_key like 'case:%:overdue:%'")
echo "reminders committed by the killed run: $written_at_kill"

# the survivors: the next minute the lock is still held (20 s), the one after a survivor runs the job
for _ in $(seq 1 200); do
  done_runs=$(cat "$RUN"/node*.log | grep -c "Case reminders:" || true)
  [ "$done_runs" -ge $((runs_before + 2)) ] && break
  sleep 2
done
grep -h "Case reminders: [1-9]" "$RUN"/node*.log || echo "no run wrote reminders"
echo "runs after the kill: $((done_runs - runs_before)) (the first writes them, the next adds nothing)"
sleep 20 # let the dispatcher send
"${PSQL[@]}" <<SQL
select 'notifications ' || count(*) || ', channels ' || count(distinct channel) || ', cases ' ||
       count(distinct split_part(dedupe_key, ':', 2)) from notification where dedupe_key like 'case:%:overdue:%';
select 'per case: ' || string_agg(distinct n::text, ',') from (select count(*) n from notification
  where dedupe_key like 'case:%:overdue:%' group by split_part(dedupe_key, ':', 2)) x;
select 'e-mails ' || status || ' ' || count(*) from notification where dedupe_key like 'case:%:overdue:%' and channel = 'EMAIL' group by status;
select 'lock rows: ' || string_agg(name || '@' || locked_by, ' ') from shedlock;
SQL
mails=$(grep -c '演练件' "$RUN/mails.tsv" || true)
dups=$(grep '演练件' "$RUN/mails.tsv" | cut -f1,3 | sort | uniq -d | wc -l)
echo "e-mails received by the sink: $mails, recipients with a duplicate: $dups"
ops/cluster/stop.sh
