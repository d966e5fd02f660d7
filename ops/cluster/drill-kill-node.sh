#!/usr/bin/env bash
# The kill-a-node drill: sign in through the balancer, use the session on every instance, kill -9 one instance,
# and keep using the same session: every request must still be served, signed in, by the two left.
# Run after ops/cluster/start.sh; restart the killed instance with ops/cluster/start.sh (or leave it dead).
set -euo pipefail
RUN=${RUN:-/tmp/renda-cluster}
LB=http://127.0.0.1:8180
JAR_COOKIES=$RUN/drill.cookies
rm -f "$JAR_COOKIES"

csrf=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$LB/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
  --data-urlencode username=admin --data-urlencode password=renda-demo --data-urlencode "_csrf=$csrf" "$LB/login")
echo "sign-in: $code"

probe() { # one request with the session: prints the instance and whether the page greets the admin
  local out node
  out=$(curl -s -D "$RUN/drill.headers" -b "$JAR_COOKIES" -w '\n%{http_code}' "$LB/" || true)
  node=$(grep -i '^x-renda-node:' "$RUN/drill.headers" | tr -d '\r' | awk '{print $2}')
  if echo "$out" | grep -q '系统管理员，您好' && [ "$(echo "$out" | tail -1)" = 200 ]; then echo "ok ${node:-?}"; else echo "FAIL ${node:-?} $(echo "$out" | tail -1)"; fi
}

echo "before: $(for i in 1 2 3 4 5 6; do probe; done | sort | uniq -c | tr '\n' ' ')"
victim=${VICTIM:-2}
kill -9 "$(cat "$RUN/node$victim.pid")"
killed=$(date +%s.%N)
echo "killed instance $victim (kill -9)"
ok=0; fail=0; first_ok=""
for i in $(seq 1 60); do
  r=$(probe)
  case $r in ok*) ok=$((ok+1)); [ -n "$first_ok" ] || first_ok=$(date +%s.%N);; *) fail=$((fail+1)); echo "  $r";; esac
  echo "$r" >> "$RUN/drill.after"
done
echo "after: $ok of 60 requests served signed in, $fail failed; served by: $(sort "$RUN/drill.after" | uniq -c | tr '\n' ' ')"
echo "first signed-in answer $(echo "$first_ok - $killed" | bc) s after the kill"
rm -f "$RUN/drill.after"
[ "$fail" = 0 ]
