#!/usr/bin/env bash
# The sign-in throttle across instances: a guesser at one address tries admin's password 20 times through the
# balancer (round robin: each instance gets about a third). With the counts in the database the three instances
# check 5 free attempts in all and then make the guesser wait; counted per instance they would check 15.
# Meanwhile admin, at another address, still signs in. Run after ops/cluster/start.sh.
set -euo pipefail
RUN=${RUN:-/tmp/renda-cluster}
DB=${DB:-renda_cluster}
LB=http://127.0.0.1:8180
GUESSER=${GUESSER:-203.0.113.9}
ADMIN_AT=${ADMIN_AT:-198.51.100.7}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt)
"${PSQL[@]}" -c "delete from sign_in_count where throttle_key in ('address:$GUESSER', 'account:admin')" >/dev/null

attempt() { # $1 = client address (X-Forwarded-For, believed from the loopback balancer), $2 = password
  local jar; jar=$(mktemp)
  local csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" -H "X-Forwarded-For: $1" "$LB/login" | grep -o 'name="_csrf" value="[^"]*"' \
    | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -D "$RUN/signin.headers" -w '%{redirect_url}' -c "$jar" -b "$jar" -H "X-Forwarded-For: $1" \
    --data-urlencode username=admin --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" "$LB/login"
  echo " $(grep -i '^x-renda-node:' "$RUN/signin.headers" | tr -d '\r' | awk '{print $2}')"
  rm -f "$jar"
}

t0=$(date +%s.%N)
for i in $(seq 1 20); do
  attempt "$GUESSER" "guess-$i" >> "$RUN/signin.answers"
done
secs=$(echo "$(date +%s.%N) - $t0" | bc)
checked=$("${PSQL[@]}" -c "select failures from sign_in_count where throttle_key = 'address:$GUESSER'")
echo "guesser at $GUESSER: 20 attempts in ${secs%.*} s, answered by: $(awk '{print $2}' "$RUN/signin.answers" | sort | uniq -c | tr '\n' ' ')"
echo "  every answer the same: $(awk '{print $1}' "$RUN/signin.answers" | sort -u | tr '\n' ' ')"
echo "  attempts checked (failures counted in the database): $checked (per-instance counting would allow 15 before any wait)"
rm -f "$RUN/signin.answers"
answer=$(attempt "$ADMIN_AT" renda-demo)
echo "admin at $ADMIN_AT meanwhile: $answer"
[ "$checked" -le 8 ] && [[ "$answer" != *error* ]]
