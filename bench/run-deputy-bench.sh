#!/usr/bin/env bash
# End-to-end HTTP benchmark of the deputy pages on PostgreSQL:
#   build -> fresh database -> start the packaged app (postgres profile) -> generate a dataset ->
#   warm up -> measure with 1 worker and with $WORKERS workers -> stop the app.
# Settings (environment): SIZE=town|county|province (county)  DB=renda_bench  PORT=8095  WORKERS=4
#   WARMUP=30s  DURATION=60s  SCENARIO=bench/scenarios/deputy-county.txt  SKIP_BUILD=1 to reuse the jar
#   JAR=path to measure another build (implies SKIP_BUILD=1)
#   REUSE_DB=1 keeps the database and dataset of the last run (bench/out/$SIZE.vars) instead of regenerating
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres (trust auth)
# Results go to bench/out/<date>-<size>/ (console log, CSV per run, the vars file, the app log).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-county}
DB=${DB:-renda_bench}
PORT=${PORT:-8095}
WORKERS=${WORKERS:-4}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-60s}
SCENARIO=${SCENARIO:-bench/scenarios/deputy-county.txt}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ADMIN_PASSWORD=bench-Admin-2026
OUT=bench/out/$(date -u +%Y%m%d-%H%M)-$SIZE
mkdir -p "$OUT"
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
BASE="http://127.0.0.1:$PORT"

log() { echo "== $*" | tee -a "$OUT/run.log"; }

if [[ -z "${JAR:-}" && "${SKIP_BUILD:-0}" != 1 ]]; then
  log "build: mvn -q -DskipTests package"
  mvn -q -DskipTests package
fi
JAR=${JAR:-$(ls target/renda-*.jar | grep -v -e sources -e original | head -1)}
REUSE_DB=${REUSE_DB:-0}

if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "port $PORT is already in use; set PORT" >&2
  exit 1
fi

if [[ "$REUSE_DB" != 1 ]]; then
  log "fresh database $DB"
  dropdb --if-exists "$DB"
  createdb "$DB"
fi

APP_PID=
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

log "start $JAR on port $PORT (postgres profile) so Flyway creates the schema and the first admin"
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME="$PGUSER" \
RENDA_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" RENDA_BOOTSTRAP_ROOT_TYPE=PROVINCE \
RENDA_BOOTSTRAP_ROOT_CODE=BENCH RENDA_BOOTSTRAP_ROOT_NAME=基准省 \
  java ${APP_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 120); do
  curl -sf -o /dev/null "$BASE/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $OUT/app.log" >&2; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "$BASE/actuator/health"

if [[ "$REUSE_DB" != 1 ]]; then
  log "generate the $SIZE dataset"
  start=$(date +%s.%N)
  bench/generate.sh --size "$SIZE" --url "$URL" --user "$PGUSER" --vars-out "$OUT/$SIZE.vars" | tee -a "$OUT/run.log"
  log "generation took $(echo "$(date +%s.%N) - $start" | bc) s (wall, including JVM start and compiling the generator)"
  cp "$OUT/$SIZE.vars" "bench/out/$SIZE.vars"
else
  log "reusing database $DB and bench/out/$SIZE.vars"
  cp "bench/out/$SIZE.vars" "$OUT/$SIZE.vars"
fi

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1), PostgreSQL $(psql -tAc 'show server_version' "$DB")"
log "commit: $(git log -1 --format='%h %s'), jar: $JAR"

load() { # $1 = workers, $2 = csv name
  java bench/HttpLoad.java --base "$BASE" --vars "$OUT/$SIZE.vars" --scenario "$SCENARIO" \
    --workers "$1" --warmup "$WARMUP" --duration "$DURATION" --csv "$OUT/$2.csv" | tee -a "$OUT/run.log"
}
log "one worker (latency of a single user, warm-up $WARMUP, run $DURATION)"
load 1 workers-1
log "$WORKERS workers, closed loop (warm-up $WARMUP, run $DURATION)"
load "$WORKERS" "workers-$WORKERS"

log "done: $OUT"
