#!/usr/bin/env bash
# Province scale (issue 15): the province staff's list pages at 8 workers and the province summary (the
# dashboard of the root), against an app already running on the province dataset.
#   PORT=8195 VARS=bench/out/province.vars OUT=bench/out/province-<label> bench/run-province-bench.sh <label>
# Bounded: summary 2 warm-up + 2 timed requests (each phase at most 300 s); lists 15 s warm-up + 60 s at WORKERS (8). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
LABEL=${1:-run}
PORT=${PORT:-8195}
VARS=${VARS:-bench/out/province.vars}
WORKERS=${WORKERS:-8}
DURATION=${DURATION:-60s}
OUT=${OUT:-bench/out/province-$LABEL}
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"
echo "== $LABEL: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/run.log"
echo "== province summary: /dashboard as bench.province (the root), 1 worker, 2 warm-up + 2 timed requests" | tee -a "$OUT/run.log"
java bench/HttpLoad.java --base "$BASE" --vars "$VARS" --user bench.province --workers 1 \
  --warmup 300s --duration 300s --requests 2 --url "1 summary.root /dashboard" --csv "$OUT/summary.csv" \
  | tee -a "$OUT/run.log"
echo "== list pages as bench.province, $WORKERS workers, 15 s warm-up, $DURATION" | tee -a "$OUT/run.log"
java bench/HttpLoad.java --base "$BASE" --vars "$VARS" --user bench.province --workers "$WORKERS" \
  --warmup 15s --duration "$DURATION" --scenario bench/scenarios/province-lists.txt --csv "$OUT/lists.csv" \
  | tee -a "$OUT/run.log"
echo "== end: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run.log"
