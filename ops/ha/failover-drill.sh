#!/usr/bin/env bash
# Failover drill: Renda on a primary + synchronous standby (ops/ha/cluster.sh, pg_auto_failover), 1,000 public
# submissions through the partner API with idempotency keys and retries, and the primary's machine lost
# (kill -9 of its keeper and postgres) in the middle. Then it checks on the promoted standby that
#   1. every receipt a client got acknowledged is there, under that client's key (0 lost),
#   2. no key and no receipt code is there twice, and there are exactly as many cases as keys (0 duplicated),
#   3. every case has its first timeline step and its audit entry, and the audit hash chain verifies,
# measures the downtime (first failed request to the first success after it, and kill to first success), and lets
# the lost node rejoin as the new standby. Prints "FAILOVER DRILL: PASS" or "FAILOVER DRILL: FAIL (...)".
#
# Loopback only, bounded (a few minutes), not part of CI. Run as root from anywhere:
#   ops/ha/failover-drill.sh                 # CLIENTS=10 KEYS=100 (1,000 submissions) KILL_AFTER=300
# Settings (environment): PORT=8097 DB=renda_drill CLIENTS KEYS KILL_AFTER SKIP_BUILD=1 JAR=... FAST=1 (failover
# in seconds, see cluster.sh) HA_DIR=/tmp/renda-ha KEEP=1 leaves the app running at the end. Results:
# ops/ha/out/<date>-failover/ (run.log, acks.csv, events.csv, app.log, checks.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-8097}
DB=${DB:-renda_drill}
CLIENTS=${CLIENTS:-10}
KEYS=${KEYS:-100}
KILL_AFTER=${KILL_AFTER:-300}
export HA_DIR=${HA_DIR:-/tmp/renda-ha}
BASEPORT=${HA_PORT_BASE:-6000}
P1=$((BASEPORT + 1)) P2=$((BASEPORT + 2))
OUT=ops/ha/out/$(date -u +%Y%m%d-%H%M%S)-failover
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
BASE="http://127.0.0.1:$PORT"
RUN=f$(date +%s)
CLUSTER=ops/ha/cluster.sh
JDBC_URL="jdbc:postgresql://127.0.0.1:$P1,127.0.0.1:$P2/$DB?targetServerType=primary&connectTimeout=3&hostRecheckSeconds=2"
# psql/libpq: the same two servers, the one that accepts writes.
export PGHOST=127.0.0.1,127.0.0.1 PGPORT=$P1,$P2 PGUSER=postgres PGTARGETSESSIONATTRS=read-write
PSQL=/usr/lib/postgresql/15/bin/psql
# This run's own audit signing key and checkpoint copy (the app's defaults are under ./data, shared by every run
# from this directory): the chain check after the failover compares the new primary with what this run signed.
AUDIT_OPTS="--renda.audit.signing-key-file=$OUT/audit-signing.key --renda.audit.checkpoint-copy-file=$OUT/audit-checkpoints.jsonl"

log() { echo "== $*" | tee -a "$OUT/run.log"; }
now_ms() { date +%s%3N; }

if [[ -z "${JAR:-}" && "${SKIP_BUILD:-0}" != 1 ]]; then
  log "build: mvn -q -o -DskipTests package"
  mvn -q -o -DskipTests package
fi
JAR=${JAR:-$(ls target/renda-*.jar | grep -v -e sources -e original | head -1)}
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "port $PORT is already in use; set PORT" >&2
  exit 1
fi

log "the cluster: monitor :$BASEPORT, nodes :$P1 and :$P2 (ops/ha/cluster.sh up)"
"$CLUSTER" up | tee -a "$OUT/run.log"
"$CLUSTER" state | tee -a "$OUT/run.log"
PRIMARY=$("$CLUSTER" primary)
log "primary is $PRIMARY; synchronous_standby_names = $($PSQL -X -qAtc 'show synchronous_standby_names' postgres)"

log "fresh database $DB on the primary (replicated to the standby)"
$PSQL -X -q -v ON_ERROR_STOP=1 -c "drop database if exists $DB with (force)" -c "create database $DB" postgres

APP_PID=
CLIENT_PID=
cleanup() {
  [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2>/dev/null || true
  if [[ "${KEEP:-0}" != 1 && -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

log "start the app on 127.0.0.1:$PORT with $JDBC_URL"
SPRING_DATASOURCE_URL="$JDBC_URL" SPRING_DATASOURCE_USERNAME=postgres \
RENDA_BOOTSTRAP_ADMIN_PASSWORD=drill-Admin-2026 RENDA_BOOTSTRAP_ROOT_CODE=BENCH \
RENDA_BOOTSTRAP_ROOT_NAME=演练县 RENDA_BOOTSTRAP_ROOT_TYPE=COUNTY \
  java ${APP_JAVA_OPTS:--Xmx768m} -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 \
  --server.port="$PORT" --renda.public.rate-limit.enabled=false $AUDIT_OPTS > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1200); do
  curl -sf -o /dev/null "$BASE/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/actuator/health" || { echo "the app did not become healthy" >&2; exit 1; }
for i in $(seq 20); do # warm-up, so the first answers are not all JIT compilation
  curl -sf -o /dev/null -H 'Content-Type: application/json' -H "Idempotency-Key: warm-$RUN-$i" \
    -d '{"orgCode":"BENCH","category":"其他","title":"预热","content":"预热","anonymous":true}' \
    "$BASE/api/v1/public/opinions"
done

log "burst: $CLIENTS clients x $KEYS submissions, each with its own Idempotency-Key, retried on any non-2xx (run $RUN)"
java bench/casework/CrashClient.java --base "$BASE" --org BENCH --run "$RUN" --clients "$CLIENTS" --keys "$KEYS" \
  --out "$OUT/acks.csv" --progress "$OUT/progress.txt" --events "$OUT/events.csv" > "$OUT/client.log" 2>&1 &
CLIENT_PID=$!

acked=0
for _ in $(seq 2400); do
  acked=$(cut -d' ' -f1 "$OUT/progress.txt" 2>/dev/null || echo 0)
  [[ "${acked:-0}" -ge "$KILL_AFTER" ]] && break
  kill -0 "$CLIENT_PID" 2>/dev/null || break
  sleep 0.05
done
KILL_MS=$(now_ms)
"$CLUSTER" kill "$PRIMARY"
log "kill -9 of $PRIMARY (keeper and postgres) after $acked acknowledged submissions, at $KILL_MS"

# Watch the standby: the moment it accepts writes (pg_auto_failover promoted it).
STANDBY_PORT=$([[ "$PRIMARY" == node1 ]] && echo "$P2" || echo "$P1")
PROMOTED_MS=
for _ in $(seq 1200); do
  if [[ "$(PGTARGETSESSIONATTRS=any $PSQL -X -h 127.0.0.1 -p "$STANDBY_PORT" -qAtc 'select pg_is_in_recovery()' postgres 2>/dev/null)" == f ]]; then
    PROMOTED_MS=$(now_ms); break
  fi
  sleep 0.1
done
NEW_PRIMARY=
for _ in $(seq 300); do
  NEW_PRIMARY=$("$CLUSTER" primary 2>/dev/null || true)
  [[ -n "$NEW_PRIMARY" && "$NEW_PRIMARY" != "$PRIMARY" ]] && break
  sleep 0.2
done
log "the standby on :$STANDBY_PORT accepts writes $(( ${PROMOTED_MS:-$KILL_MS} - KILL_MS )) ms after the kill; the monitor names $NEW_PRIMARY primary"

for _ in $(seq 1200); do
  kill -0 "$CLIENT_PID" 2>/dev/null || break
  sleep 0.5
done
wait "$CLIENT_PID" || true
CLIENT_PID=
tee -a "$OUT/run.log" < "$OUT/client.log"
"$CLUSTER" state | tee -a "$OUT/run.log"

log "downtime, from the clients' attempts (events.csv: start,end,key,outcome)"
awk -F, -v kill="$KILL_MS" '
  { ok = ($4 ~ /^2[0-9][0-9]$/) }
  !ok { if (ff == "" || $2 < ff) ff = $2; if ($2 > lf) lf = $2; fails[$4]++ }
  { ev[NR] = $2; okv[NR] = ok }
  END {
    fs = "";
    for (i in ev) if (okv[i] && ev[i] > ff && (fs == "" || ev[i] < fs)) fs = ev[i];
    if (ff == "") { print "first_failure=none"; exit }
    printf "downtime_ms=%d\nkill_to_first_success_ms=%d\nkill_to_first_failure_ms=%d\nkill_to_last_failure_ms=%d\n", fs - ff, fs - kill, ff - kill, lf - kill;
    for (f in fails) printf "failed_attempts[%s]=%d\n", f, fails[f];
  }' "$OUT/events.csv" | tee "$OUT/downtime.txt" | tee -a "$OUT/run.log"
dval() { grep "^$1=" "$OUT/downtime.txt" | cut -d= -f2; }

log "check on the new primary ($NEW_PRIMARY)"
$PSQL -X -v ON_ERROR_STOP=1 -q "$DB" > "$OUT/checks.txt" <<SQL
create temp table acks (key varchar(100), receipt varchar(16), status int, attempts int, first_failure text);
\copy acks from '$OUT/acks.csv' with (format csv)
\pset format unaligned
\pset tuples_only on
select 'keys=' || count(*) from acks;
select 'acknowledged=' || count(*) from acks where receipt is not null and receipt <> '';
select 'gave_up=' || count(*) from acks where receipt is null or receipt = '';
select 'retried=' || count(*) from acks where attempts > 1;
select 'replayed=' || count(*) from acks where attempts > 1 and status = 200;
select 'lost=' || count(*) from acks a where a.receipt <> ''
  and not exists (select 1 from case_item c where c.receipt_code = a.receipt and c.idempotency_key = a.key);
select 'cases=' || count(*) from case_item where idempotency_key like 'crash-$RUN-%';
select 'cases_not_acknowledged=' || count(*) from case_item c where c.idempotency_key like 'crash-$RUN-%'
  and not exists (select 1 from acks a where a.key = c.idempotency_key and a.receipt = c.receipt_code);
select 'duplicate_keys=' || count(*) from (select idempotency_key from case_item where idempotency_key is not null
  group by idempotency_key having count(*) > 1) d;
select 'duplicate_receipts=' || count(*) from (select receipt_code from case_item group by receipt_code
  having count(*) > 1) d;
select 'without_step=' || count(*) from case_item c where c.idempotency_key like 'crash-$RUN-%'
  and (select count(*) from case_event e where e.case_id = c.id) <> 1;
select 'without_audit=' || count(*) from case_item c where c.idempotency_key like 'crash-$RUN-%'
  and (select count(*) from audit_event a where a.entity_type = 'case' and a.entity_id = cast(c.id as varchar)) <> 1;
SQL
tee -a "$OUT/run.log" < "$OUT/checks.txt"
val() { grep "^$1=" "$OUT/checks.txt" | cut -d= -f2; }
log "the app's answers while the database was away: $(grep -c 'answered 503' "$OUT/app.log" || true) x 503 logged"

log "verify the audit hash chain on the new primary"
set +e
SPRING_DATASOURCE_URL="$JDBC_URL" SPRING_DATASOURCE_USERNAME=postgres \
  java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 --server.port=0 $AUDIT_OPTS \
  --verify-audit --audit-checkpoints="$OUT/audit-checkpoints.jsonl" > "$OUT/verify-audit.log" 2>&1
CHAIN=$?
set -e
{ grep -E "^(哈希链|Hash chain)" "$OUT/verify-audit.log" || echo "no verdict, see $OUT/verify-audit.log"; } | tee -a "$OUT/run.log"

log "bring $PRIMARY back: it rejoins as the standby of $NEW_PRIMARY"
REJOIN_START=$(now_ms)
"$CLUSTER" start "$PRIMARY"
REJOINED=no
for _ in $(seq 240); do
  s=$(/usr/lib/postgresql/15/bin/psql -X -h 127.0.0.1 -p "$BASEPORT" -U postgres -d pg_auto_failover -qAtc \
    "select string_agg(reportedstate::text || '/' || goalstate::text, ' ' order by nodeid) from pgautofailover.node" 2>/dev/null || true)
  if [[ "$s" == "primary/primary secondary/secondary" || "$s" == "secondary/secondary primary/primary" ]]; then
    REJOINED=yes; break
  fi
  sleep 0.5
done
log "rejoined: $REJOINED after $(( $(now_ms) - REJOIN_START )) ms"
"$CLUSTER" state | tee -a "$OUT/run.log"
OLD_PORT=$([[ "$PRIMARY" == node1 ]] && echo "$P1" || echo "$P2")
STANDBY_CASES=
for _ in $(seq 20); do
  STANDBY_CASES=$(PGHOST=127.0.0.1 PGPORT=$OLD_PORT PGTARGETSESSIONATTRS=any $PSQL -X -qAtc \
    "select count(*) from case_item where idempotency_key like 'crash-$RUN-%'" "$DB" 2>/dev/null || true)
  [[ "$STANDBY_CASES" == "$(val cases)" ]] && break
  sleep 0.5
done
log "cases of this run on the rejoined standby ($PRIMARY): $STANDBY_CASES"

FAIL=()
[[ "$(val keys)" -eq $((CLIENTS * KEYS)) ]] || FAIL+=("the clients did not report every key")
[[ "$(val gave_up)" -eq 0 ]] || FAIL+=("$(val gave_up) requests never got a 2xx")
[[ "$(val lost)" -eq 0 ]] || FAIL+=("$(val lost) acknowledged submissions lost")
[[ "$(val cases)" -eq "$(val acknowledged)" ]] || FAIL+=("$(val cases) cases for $(val acknowledged) acknowledged keys")
[[ "$(val cases_not_acknowledged)" -eq 0 ]] || FAIL+=("$(val cases_not_acknowledged) cases nobody was told about")
[[ "$(val duplicate_keys)" -eq 0 ]] || FAIL+=("duplicate keys")
[[ "$(val duplicate_receipts)" -eq 0 ]] || FAIL+=("duplicate receipts")
[[ "$(val without_step)" -eq 0 ]] || FAIL+=("$(val without_step) cases without their first step")
[[ "$(val without_audit)" -eq 0 ]] || FAIL+=("$(val without_audit) cases without their audit entry")
[[ "$(val retried)" -gt 0 ]] || FAIL+=("the kill did not land mid-burst (no request needed a retry)")
[[ "$NEW_PRIMARY" != "$PRIMARY" ]] || FAIL+=("no failover happened")
[[ "$CHAIN" -eq 0 ]] || FAIL+=("the audit chain does not verify (exit $CHAIN)")
[[ "$REJOINED" == yes ]] || FAIL+=("$PRIMARY did not rejoin as standby")
[[ "$STANDBY_CASES" == "$(val cases)" ]] || FAIL+=("the rejoined standby has $STANDBY_CASES cases, not $(val cases)")

SUMMARY="$(val acknowledged) acknowledged of $(val keys), lost $(val lost), duplicated $(val duplicate_keys);"
SUMMARY+=" $PRIMARY killed after $acked acks, $NEW_PRIMARY accepted writes $(( ${PROMOTED_MS:-$KILL_MS} - KILL_MS )) ms after;"
SUMMARY+=" downtime $(awk -v ms="$(dval downtime_ms)" 'BEGIN { printf "%.1f", ms / 1000 }') s (first failure to first success),"
SUMMARY+=" $(awk -v ms="$(dval kill_to_first_success_ms)" 'BEGIN { printf "%.1f", ms / 1000 }') s from the kill;"
SUMMARY+=" $(val retried) requests retried, $(val replayed) answered 200 on retry (committed before the kill)"
if [[ ${#FAIL[@]} -eq 0 ]]; then
  log "FAILOVER DRILL: PASS — $SUMMARY"
  log "results: $OUT"
  exit 0
else
  log "FAILOVER DRILL: FAIL (${FAIL[*]}) — $SUMMARY"
  log "results: $OUT"
  exit 1
fi
