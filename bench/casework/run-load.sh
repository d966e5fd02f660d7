#!/usr/bin/env bash
# Load benchmark of the public casework API on PostgreSQL, and the same write measured straight with pgbench
# in the same run, on the same database:
#   build -> fresh database -> start the packaged app (postgres profile, rate limit lifted) ->
#   CaseLoad: submissions, tracking look-ups, a 1:9 mix -> stop the app ->
#   pgbench: the app's write path statement for statement, then the bare inserts -> ratio app / pgbench.
# Settings (environment): DB=renda_casebench PORT=8096 WORKERS=8 WARMUP=10s DURATION=30s
#   SKIP_BUILD=1 reuses target/renda-*.jar; JAR=path measures another build
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres (trust auth, loopback only)
# Results: bench/casework/out/<date>-load/ (run.log, CSV, app log, pgbench logs).
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${DB:-renda_casebench}
PORT=${PORT:-8096}
WORKERS=${WORKERS:-8}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-30s}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
case "$PGHOST" in 127.*|localhost|::1) ;; *) echo "PGHOST must be a loopback address" >&2; exit 2 ;; esac
OUT=bench/casework/out/$(date -u +%Y%m%d-%H%M%S)-load
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"
SECS=${DURATION%s}
THREADS=$(( WORKERS < 2 ? 1 : 2 ))

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
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

log "start $JAR on 127.0.0.1:$PORT (postgres profile, per-client limits lifted for the load client)"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
RENDA_BOOTSTRAP_ADMIN_PASSWORD=bench-Admin-2026 RENDA_BOOTSTRAP_ROOT_CODE=BENCH \
RENDA_BOOTSTRAP_ROOT_NAME=基准县 RENDA_BOOTSTRAP_ROOT_TYPE=COUNTY \
  java ${APP_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 \
  --server.port="$PORT" \
  --renda.public.rate-limit.submit.burst=1000000000 --renda.public.rate-limit.submit.per-minute=1000000000 \
  --renda.public.rate-limit.lookup.burst=1000000000 --renda.public.rate-limit.lookup.per-minute=1000000000 \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 180); do
  curl -sf -o /dev/null "$BASE/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $OUT/app.log" >&2; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "$BASE/actuator/health"

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1), PostgreSQL $(psql -tAc 'show server_version' "$DB"), synchronous_commit=$(psql -tAc 'show synchronous_commit' "$DB")"
log "commit: $(git log -1 --format='%h %s'), jar: $JAR"
log "CaseLoad: $WORKERS workers, warm-up $WARMUP, $DURATION per phase"
java bench/casework/CaseLoad.java --base "$BASE" --org BENCH --workers "$WORKERS" --warmup "$WARMUP" \
  --duration "$DURATION" --csv "$OUT/app.csv" | tee -a "$OUT/run.log"
log "cases in the database after the app's phases: $(psql -tAc 'select count(*) from case_item' "$DB")"
stop_app

ORG_ID=$(psql -tAc "select id from organisation where code = 'BENCH'" "$DB")
psql -q -c 'vacuum analyze' "$DB"

# p50/p95/p99/max in ms from pgbench's per-transaction logs (3rd column: latency in microseconds).
percentiles() {
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
    n=NR; split("50 95 99", p, " ");
    for (i=1; i<=3; i++) { r=int(p[i]/100*n); if (r<p[i]/100*n) r++; if (r<1) r=1; printf "p%s_ms=%.1f ", p[i], a[r]/1000 }
    printf "max_ms=%.1f\n", a[n]/1000 }'
}

pgb() { # $1 = name, $2 = script
  rm -f "$OUT/pgb-$1".*
  log "pgbench $1: $WORKERS clients, $DURATION (warm-up 5 s first)"
  pgbench -n -c "$WORKERS" -j "$THREADS" -T 5 -D org="$ORG_ID" -D orgcode=BENCH -f "bench/casework/$2" "$DB" > /dev/null
  pgbench -n -c "$WORKERS" -j "$THREADS" -T "$SECS" -D org="$ORG_ID" -D orgcode=BENCH -f "bench/casework/$2" \
    -l --log-prefix="$OUT/pgb-$1" "$DB" > "$OUT/pgbench-$1.txt" 2>&1
  grep -E "number of transactions actually processed|number of failed|latency average|^tps" "$OUT/pgbench-$1.txt" | tee -a "$OUT/run.log"
  local tps
  tps=$(awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]}' "$OUT/pgbench-$1.txt")
  echo "RESULT pgbench-$1 tps=$tps $(percentiles "$OUT/pgb-$1".*)" | tee -a "$OUT/run.log"
}
pgb submit pgbench-submit.sql
pgb insert-only pgbench-insert-only.sql

APP_RPS=$(awk '/^RESULT submit /{for(i=1;i<=NF;i++) if ($i ~ /^rps=/) {sub("rps=","",$i); print $i}}' "$OUT/run.log")
PGB_TPS=$(awk '/^RESULT pgbench-submit /{for(i=1;i<=NF;i++) if ($i ~ /^tps=/) {sub("tps=","",$i); print $i}}' "$OUT/run.log")
PGB_BARE=$(awk '/^RESULT pgbench-insert-only /{for(i=1;i<=NF;i++) if ($i ~ /^tps=/) {sub("tps=","",$i); print $i}}' "$OUT/run.log")
log "RATIO app submissions/s $APP_RPS : pgbench same write path $PGB_TPS tps = $(echo "scale=3; $APP_RPS / $PGB_TPS" | bc)" \
    "; : pgbench bare inserts $PGB_BARE tps = $(echo "scale=3; $APP_RPS / $PGB_BARE" | bc)"
log "done: $OUT"
