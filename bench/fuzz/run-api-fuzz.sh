#!/usr/bin/env bash
# Bounded fuzzing of the JSON API against its own OpenAPI document (not part of mvn verify):
#   build the jar and the test classes -> start Renda on loopback with an in-memory H2 and the demo county ->
#   bench/fuzz/ApiFuzz.java signs in demo users, issues them bearer tokens, reads /v3/api-docs and sends
#   $REQUESTS generated requests (at most $MAX_SECONDS) -> stop the app -> report 5xx and contract violations.
# Settings (environment): REQUESTS=10000  MAX_SECONDS=900  PORT=8097  SEED=20261204  SKIP_BUILD=1 (reuse)
# Output: bench/out/fuzz-<date>/ (report.txt, app.log). Exit code 0 when nothing was found.
set -euo pipefail
cd "$(dirname "$0")/../.."

REQUESTS=${REQUESTS:-10000}
MAX_SECONDS=${MAX_SECONDS:-900}
PORT=${PORT:-8097}
SEED=${SEED:-20261204}
OUT=bench/out/fuzz-$(date -u +%Y%m%d-%H%M)
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== build: jar, test classes, test classpath"
  mvn -B -ntp -q -DskipTests package
  mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz.classpath \
    -Dmdep.includeScope=test
fi
JAR=$(ls target/renda-*.jar | grep -v -e sources -e original | head -1)

if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "port $PORT is already in use; set PORT" >&2
  exit 1
fi

APP_PID=
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

echo "== start $JAR on $BASE (in-memory H2, demo county)"
SPRING_DATASOURCE_URL="jdbc:h2:mem:fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" \
RENDA_DEMO_ENABLED=true \
RENDA_PUBLIC_RATELIMIT_SUBMIT_BURST=1000000 RENDA_PUBLIC_RATELIMIT_SUBMIT_PERMINUTE=1000000 \
RENDA_PUBLIC_RATELIMIT_LOOKUP_BURST=1000000 RENDA_PUBLIC_RATELIMIT_LOOKUP_PERMINUTE=1000000 \
RENDA_NOTIFICATION_DISPATCH_ENABLED=false RENDA_CASEWORK_REMINDERCRON=- RENDA_STATION_REMINDERCRON=- \
RENDA_APPRAISAL_SIGNINGKEYFILE="$OUT/vote-signing.key" \
  java -XX:+UseSerialGC -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  if curl -s "$BASE/actuator/health" | grep -q '"status":"UP"'; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app did not start; see $OUT/app.log" >&2; exit 1; fi
  sleep 2
done

echo "== fuzz: $REQUESTS requests, at most $MAX_SECONDS s"
set +e
java -cp "target/test-classes:$(cat target/fuzz.classpath)" bench/fuzz/ApiFuzz.java --base "$BASE" \
  --requests "$REQUESTS" --max-seconds "$MAX_SECONDS" --seed "$SEED" --out "$OUT/report.txt"
RC=$?
set -e
echo "== application errors logged: $(grep -c ' ERROR ' "$OUT/app.log" || true) (see $OUT/app.log)"
echo "== report: $OUT/report.txt"
exit $RC
