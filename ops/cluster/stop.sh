#!/usr/bin/env bash
# Stops what ops/cluster/start.sh started (by the process ids it wrote), and nothing else.
RUN=${RUN:-/tmp/renda-cluster}
for f in "$RUN"/node*.pid "$RUN"/haproxy.pid "$RUN"/smtp.pid; do
  [ -f "$f" ] || continue
  kill "$(cat "$f")" 2>/dev/null || true
  rm -f "$f"
done
echo stopped
