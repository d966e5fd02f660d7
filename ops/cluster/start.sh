#!/usr/bin/env bash
# Starts three Renda instances (ports 8181-8183) over one PostgreSQL database (renda_cluster on 127.0.0.1:5432,
# user postgres, trust) behind HAProxy on 127.0.0.1:8180 (round robin, no stickiness: every request may land on
# another instance). Loopback only; not run by CI. Needs the jar (mvn -DskipTests package) and Debian's haproxy
# (apt-get install -y haproxy). Stop with ops/cluster/stop.sh.
#
#   ops/cluster/start.sh            fresh database, demo county loaded by the first instance
#   KEEP_DB=1 ops/cluster/start.sh  keep the database
#   Any RENDA_* / SPRING_* variable set by the caller reaches every instance (the drills set cron and mail).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN=${RUN:-/tmp/renda-cluster}
DB=${DB:-renda_cluster}
JAR=${JAR:-$(ls target/renda-*.jar | grep -v original | head -1)}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
mkdir -p "$RUN"

if [ -z "${KEEP_DB:-}" ]; then
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
fi
# one session key for all instances: a session sealed by one opens on the others
[ -s "$RUN/session.key" ] || head -c 32 /dev/urandom | base64 > "$RUN/session.key"

export SPRING_PROFILES_ACTIVE=postgres
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
export RENDA_DEMO_ENABLED=${RENDA_DEMO_ENABLED:-true}
export RENDA_CLUSTER_SESSIONKEY=$(cat "$RUN/session.key")
# behind HAProxy: the client's address from X-Forwarded-For (rate limits, sign-in throttle)
export SERVER_FORWARD_HEADERS_STRATEGY=native
# key files and the checkpoint copy are the installation's, not an instance's: one place for all three
export RENDA_AUDIT_SIGNINGKEYFILE=$RUN/audit-signing.key RENDA_APPRAISAL_SIGNINGKEYFILE=$RUN/vote-signing.key
export RENDA_AUDIT_CHECKPOINTCOPYFILE=$RUN/audit-checkpoints.jsonl

start() { # $1 = instance 1..3
  local port=$((8180 + $1))
  mkdir -p "$RUN/node$1"
  (cd "$RUN/node$1" && exec java -Xmx384m -XX:TieredStopAtLevel=1 -jar "$OLDPWD/$JAR" --server.port=$port \
      >"$RUN/node$1.log" 2>&1) &
  echo $! > "$RUN/node$1.pid"
}
wait_up() { # $1 = instance
  local port=$((8180 + $1))
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$RUN/node$1.pid")" 2>/dev/null || { echo "instance $1 died: $RUN/node$1.log"; tail -20 "$RUN/node$1.log"; exit 1; }
    sleep 1
  done
  echo "instance $1 not up after 900 s"; exit 1
}

t0=$(date +%s)
# the first instance migrates the schema and loads the demo county alone; then the others join
start 1; wait_up 1
start 2; start 3; wait_up 2; wait_up 3
echo "3 instances up in $(( $(date +%s) - t0 )) s"

cat > "$RUN/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
    option forwardfor
frontend renda
    bind 127.0.0.1:8180
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    default-server inter 1s fall 2 rise 2
    http-response set-header X-Renda-Node %s
    server node1 127.0.0.1:8181 check
    server node2 127.0.0.1:8182 check
    server node3 127.0.0.1:8183 check
CFG
[ -f "$RUN/haproxy.pid" ] && kill "$(cat "$RUN/haproxy.pid")" 2>/dev/null || true
haproxy -D -f "$RUN/haproxy.cfg" -p "$RUN/haproxy.pid"
sleep 2
curl -fs http://127.0.0.1:8180/actuator/health >/dev/null && echo "balancer: http://127.0.0.1:8180 (logs in $RUN)"
