#!/usr/bin/env bash
# Crash test of public submissions: kill -9 the server in the middle of a burst, restart it, let the clients
# retry every request that got no 2xx with its idempotency key, then check in PostgreSQL that
#   1. every receipt a client got acknowledged exists, under that client's key,
#   2. the cases of this run are exactly the keys the clients got acknowledged (no lost, no extra case),
#   3. no key and no receipt code is there twice,
#   4. every case has its first timeline step and its audit entry (no half-written case),
#   5. the kill landed mid-burst (some requests failed and were retried),
#   6. the audit hash chain still verifies (java -jar ... --verify-audit).
# Prints "CRASH TEST: PASS" or "CRASH TEST: FAIL (...)" and exits 0 or 1.
# Settings (environment): DB=renda_casebench PORT=8096 CLIENTS=16 KEYS=100 KILL_AFTER=200 (acknowledged
#   submissions before the kill) SKIP_BUILD=1 JAR=... PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${DB:-renda_casebench}
PORT=${PORT:-8096}
CLIENTS=${CLIENTS:-16}
KEYS=${KEYS:-100}
KILL_AFTER=${KILL_AFTER:-200}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
case "$PGHOST" in 127.*|localhost|::1) ;; *) echo "PGHOST must be a loopback address" >&2; exit 2 ;; esac
OUT=bench/casework/out/$(date -u +%Y%m%d-%H%M%S)-crash
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"
RUN=r$(date +%s)

log() { echo "== $*" | tee -a "$OUT/run.log"; }

if [[ -z "${JAR:-}" && "${SKIP_BUILD:-0}" != 1 ]]; then
  log "build: mvn -q -o -DskipTests package"
  mvn -q -o -DskipTests package
fi
JAR=${JAR:-$(ls target/renda-*.jar | grep -v -e sources -e original | head -1)}
if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "port $PORT is already in use; set PORT" >&2
  exit 1
fi

log "fresh database $DB"
dropdb --if-exists "$DB"
createdb "$DB"

APP_PID=
CLIENT_PID=
cleanup() {
  [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2>/dev/null || true
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

start_app() { # $1 = log name
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  RENDA_BOOTSTRAP_ADMIN_PASSWORD=bench-Admin-2026 RENDA_BOOTSTRAP_ROOT_CODE=BENCH \
  RENDA_BOOTSTRAP_ROOT_NAME=基准县 RENDA_BOOTSTRAP_ROOT_TYPE=COUNTY \
    java ${APP_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 \
    --server.port="$PORT" --renda.public.rate-limit.enabled=false > "$OUT/$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 180); do
    curl -sf -o /dev/null "$BASE/actuator/health" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $OUT/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app did not become healthy" >&2
  exit 1
}

log "start the app on 127.0.0.1:$PORT"
start_app app-1
# A few requests so the first answers are not all JIT compilation.
for i in 1 2 3; do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -H "Idempotency-Key: warm-$RUN-$i" \
    -d '{"orgCode":"BENCH","category":"其他","title":"预热","content":"预热","anonymous":true}' \
    "$BASE/api/v1/public/opinions"
done

log "burst: $CLIENTS clients x $KEYS submissions, each with its own Idempotency-Key (run $RUN)"
java bench/casework/CrashClient.java --base "$BASE" --org BENCH --run "$RUN" --clients "$CLIENTS" --keys "$KEYS" \
  --out "$OUT/acks.csv" --progress "$OUT/progress.txt" > "$OUT/client.log" 2>&1 &
CLIENT_PID=$!

for _ in $(seq 1200); do
  acked=$(cut -d' ' -f1 "$OUT/progress.txt" 2>/dev/null || echo 0)
  [[ "${acked:-0}" -ge "$KILL_AFTER" ]] && break
  kill -0 "$CLIENT_PID" 2>/dev/null || break
  sleep 0.05
done
log "kill -9 the server after $acked acknowledged submissions"
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=
KILLED_AT=$(cat "$OUT/progress.txt")
log "progress at the kill (acknowledged, failed attempts): $KILLED_AT"
sleep 2
log "restart the app; the clients keep retrying"
start_app app-2
log "app healthy again; progress: $(cat "$OUT/progress.txt")"

for _ in $(seq 600); do
  kill -0 "$CLIENT_PID" 2>/dev/null || break
  sleep 0.5
done
wait "$CLIENT_PID" || true
CLIENT_PID=
cat "$OUT/client.log" | tee -a "$OUT/run.log"

log "check in PostgreSQL"
psql -v ON_ERROR_STOP=1 -q "$DB" > "$OUT/checks.txt" <<SQL
create temp table acks (key varchar(100), receipt varchar(16), status int, attempts int, first_failure text);
\copy acks from '$OUT/acks.csv' with (format csv)
\pset format unaligned
\pset tuples_only on
select 'keys=' || count(*) from acks;
select 'acknowledged=' || count(*) from acks where receipt is not null;
select 'gave_up=' || count(*) from acks where receipt is null;
select 'retried=' || count(*) from acks where attempts > 1;
select 'replayed=' || count(*) from acks where attempts > 1 and status = 200;
select 'ack_missing=' || count(*) from acks a where a.receipt is not null
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
cat "$OUT/checks.txt" | tee -a "$OUT/run.log"
val() { grep "^$1=" "$OUT/checks.txt" | cut -d= -f2; }

log "verify the audit hash chain after the kill"
set +e
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  java -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 --server.port=0 --verify-audit \
  > "$OUT/verify-audit.log" 2>&1
CHAIN=$?
set -e
{ grep -E "Audit chain" "$OUT/verify-audit.log" || echo "no verdict, see $OUT/verify-audit.log"; } | sed "s/.*: Audit/Audit/" | tee -a "$OUT/run.log"

FAIL=()
[[ "$(val keys)" -eq $((CLIENTS * KEYS)) ]] || FAIL+=("the clients did not report every key")
[[ "$(val gave_up)" -eq 0 ]] || FAIL+=("$(val gave_up) requests never got a 2xx")
[[ "$(val ack_missing)" -eq 0 ]] || FAIL+=("$(val ack_missing) acknowledged receipts are missing")
[[ "$(val cases)" -eq "$(val acknowledged)" ]] || FAIL+=("$(val cases) cases for $(val acknowledged) acknowledged keys")
[[ "$(val cases_not_acknowledged)" -eq 0 ]] || FAIL+=("$(val cases_not_acknowledged) cases nobody was told about")
[[ "$(val duplicate_keys)" -eq 0 ]] || FAIL+=("duplicate keys")
[[ "$(val duplicate_receipts)" -eq 0 ]] || FAIL+=("duplicate receipts")
[[ "$(val without_step)" -eq 0 ]] || FAIL+=("$(val without_step) cases without their first step")
[[ "$(val without_audit)" -eq 0 ]] || FAIL+=("$(val without_audit) cases without their audit entry")
[[ "$(val retried)" -gt 0 ]] || FAIL+=("the kill did not land mid-burst (no request needed a retry)")
[[ "$CHAIN" -eq 0 ]] || FAIL+=("the audit chain does not verify (exit $CHAIN)")

if [[ ${#FAIL[@]} -eq 0 ]]; then
  log "CRASH TEST: PASS — $(val acknowledged) acknowledged submissions, $(val cases) cases, killed after $acked acks;" \
      "$(val retried) requests retried, $(val replayed) of them had committed before the kill (answered 200, same receipt)"
  log "results: $OUT"
  exit 0
else
  log "CRASH TEST: FAIL (${FAIL[*]})"
  log "results: $OUT"
  exit 1
fi
