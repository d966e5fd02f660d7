#!/usr/bin/env bash
# Times one page for one user with curl (no client-side timeout up to MAX s): sign in through the form, then
# GET the page N times and print each time_total. Loopback only.
#   PORT=8195 bench/province-summary.sh bench.province bench-Renda-2026 /dashboard 2
set -euo pipefail
USER_NAME=$1 PASSWORD=$2 PAGE=${3:-/dashboard} N=${4:-2}
PORT=${PORT:-8195} MAX=${MAX:-300}
BASE="http://127.0.0.1:$PORT"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar" -b "$jar" --max-time "$MAX" \
  --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
  "$BASE/login")
echo "sign-in: $t s"
for i in $(seq "$N"); do
  echo "$PAGE #$i: $(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$jar" --max-time "$MAX" "$BASE$PAGE") s"
done
