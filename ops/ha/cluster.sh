#!/usr/bin/env bash
# A PostgreSQL primary with a hot standby and automatic failover, on loopback, with Debian's pg_auto_failover:
#   monitor  127.0.0.1:6000  (database pg_auto_failover: watches the nodes, decides who is primary)
#   node1    127.0.0.1:6001  (first primary, database renda)
#   node2    127.0.0.1:6002  (standby, synchronous: a commit is acknowledged once the standby has it)
# Each is a `pg_autoctl run` keeper (run as the postgres OS user) that starts and supervises its own postgres.
# It never touches the system cluster on 5432; everything lives under $HA_DIR (default /tmp/renda-ha).
#
#   ops/ha/cluster.sh up            create (first time) and start the three, wait for primary + secondary
#   ops/ha/cluster.sh state         pg_autoctl show state
#   ops/ha/cluster.sh primary       prints the name of the current primary (node1 / node2)
#   ops/ha/cluster.sh kill NODE     kill -9 NODE's keeper and postgres (the whole process group): a lost machine
#   ops/ha/cluster.sh start NODE    start NODE's keeper again (it rejoins as a standby)
#   ops/ha/cluster.sh down          stop all three (fast shutdown)
#   ops/ha/cluster.sh destroy       down, then remove $HA_DIR
#
# Needs: apt-get install postgresql-15 postgresql-15-auto-failover pg-auto-failover-cli (Debian 12), root (it
# switches to the postgres user with setpriv). Settings (environment): HA_DIR=/tmp/renda-ha HA_PORT_BASE=6000
# FAST=1 tunes failover to seconds instead of the defaults' ~50 s (see docs/operations.md for why it stays safe).
set -euo pipefail

HA_DIR=${HA_DIR:-/tmp/renda-ha}
# The caller's libpq settings (a multi-host PGHOST, target_session_attrs) must not steer our own psql calls.
unset PGHOST PGPORT PGUSER PGDATABASE PGTARGETSESSIONATTRS PGSERVICE
BASEPORT=${HA_PORT_BASE:-6000}
FAST=${FAST:-1}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
MONITOR_URI="postgres://autoctl_node@127.0.0.1:$BASEPORT/pg_auto_failover?sslmode=disable"

case "$HA_DIR" in /tmp/*|/var/tmp/*|*/ops/ha/out*) ;; *) echo "HA_DIR must be under /tmp, /var/tmp or ops/ha/out" >&2; exit 2 ;; esac
[[ $(id -u) -eq 0 ]] || { echo "run as root (the keepers run as the postgres user)" >&2; exit 2; }
command -v pg_autoctl >/dev/null || { echo "pg_autoctl missing: apt-get install postgresql-15-auto-failover pg-auto-failover-cli" >&2; exit 2; }

port_of() { case "$1" in monitor) echo "$BASEPORT" ;; node1) echo $((BASEPORT + 1)) ;; node2) echo $((BASEPORT + 2)) ;; *) echo "unknown node $1" >&2; exit 2 ;; esac; }

# Runs a command as postgres with the keeper's files (config, state, pid) under $HA_DIR.
as_pg() {
  setpriv --reuid postgres --regid postgres --init-groups -- env -i PATH="$PGBIN:/usr/bin:/bin" HOME="$HA_DIR" \
    XDG_CONFIG_HOME="$HA_DIR/config" XDG_DATA_HOME="$HA_DIR/share" XDG_RUNTIME_DIR="$HA_DIR/run" \
    PG_CONFIG="$PGBIN/pg_config" LANG=C.UTF-8 "$@"
}

psql_at() { # $1 port, $2 database, rest psql args
  local port=$1 db=$2; shift 2
  "$PGBIN/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

keeper_pid() { cat "$HA_DIR/$1.pid" 2>/dev/null || true; }
running() { local p; p=$(keeper_pid "$1"); [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

start_keeper() { # $1 node name
  if running "$1"; then return 0; fi
  # setsid: the keeper and the postgres it starts form one process group, so `kill NODE` takes all of them.
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$HA_DIR/$1.pid" \
    setpriv --reuid postgres --regid postgres --init-groups -- env -i PATH="$PGBIN:/usr/bin:/bin" HOME="$HA_DIR" \
    XDG_CONFIG_HOME="$HA_DIR/config" XDG_DATA_HOME="$HA_DIR/share" XDG_RUNTIME_DIR="$HA_DIR/run" \
    PG_CONFIG="$PGBIN/pg_config" LANG=C.UTF-8 pg_autoctl run --pgdata "$HA_DIR/$1" \
    >> "$HA_DIR/$1.log" 2>&1 < /dev/null &
  for _ in $(seq 50); do [[ -s "$HA_DIR/$1.pid" ]] && break; sleep 0.1; done
}

wait_ready() { # $1 port, $2 database, $3 seconds
  for _ in $(seq $(($3 * 2))); do
    psql_at "$1" "$2" -qAtc 'select 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "postgres on port $1 did not answer in $3 s" >&2
  return 1
}

state() { as_pg pg_autoctl show state --pgdata "$HA_DIR/monitor" 2>/dev/null; }

wait_state() { # waits until one node is primary and the other secondary; $1 seconds
  for _ in $(seq $(($1 * 2))); do
    local s
    s=$(psql_at "$BASEPORT" pg_auto_failover -qAtc "select string_agg(reportedstate::text || '/' || goalstate::text, ' ' order by nodeid) from pgautofailover.node" 2>/dev/null || true)
    [[ "$s" == "primary/primary secondary/secondary" || "$s" == "secondary/secondary primary/primary" ]] && return 0
    sleep 0.5
  done
  echo "the cluster did not reach primary + secondary in $1 s:" >&2
  state >&2 || true
  return 1
}

current_primary() {
  psql_at "$BASEPORT" pg_auto_failover -qAtc "select nodename from pgautofailover.node where reportedstate in ('primary','wait_primary','single') and goalstate in ('primary','wait_primary','single') order by nodeid limit 1"
}

up() {
  mkdir -p "$HA_DIR"/{config,share,run}
  chown -R postgres:postgres "$HA_DIR"
  chmod 700 "$HA_DIR"
  if [[ ! -d "$HA_DIR/monitor" ]]; then
    echo "== create the monitor on 127.0.0.1:$BASEPORT"
    as_pg pg_autoctl create monitor --pgdata "$HA_DIR/monitor" --pgport "$BASEPORT" --hostname 127.0.0.1 \
      --auth trust --no-ssl --pgctl "$PGBIN/pg_ctl" >> "$HA_DIR/monitor.log" 2>&1
    as_pg pg_autoctl config set --pgdata "$HA_DIR/monitor" postgresql.listen_addresses 127.0.0.1 >/dev/null
  fi
  start_keeper monitor
  wait_ready "$BASEPORT" pg_auto_failover 60
  if [[ "$FAST" == 1 ]]; then
    # The monitor checks every node each second and calls one unhealthy after 3 s without an answer; it waits
    # 6 s for a lost primary to demote itself before promoting the standby (the keepers demote themselves
    # after 3 s without monitor and standby: network_partition_timeout below, which must stay shorter).
    psql_at "$BASEPORT" pg_auto_failover -q <<'SQL' >/dev/null
alter system set pgautofailover.health_check_period = 1000;
alter system set pgautofailover.health_check_timeout = 1000;
alter system set pgautofailover.health_check_max_retries = 1;
alter system set pgautofailover.health_check_retry_delay = 500;
alter system set pgautofailover.node_considered_unhealthy_timeout = 3000;
alter system set pgautofailover.primary_demote_timeout = 6000;
select pg_reload_conf();
SQL
  fi
  local node
  for node in node1 node2; do
    local port
    port=$(port_of "$node")
    if [[ ! -d "$HA_DIR/$node" ]]; then
      echo "== create $node on 127.0.0.1:$port"
      as_pg pg_autoctl create postgres --pgdata "$HA_DIR/$node" --pgport "$port" --hostname 127.0.0.1 \
        --listen 127.0.0.1 --name "$node" --dbname renda --auth trust --no-ssl --pgctl "$PGBIN/pg_ctl" --monitor "$MONITOR_URI" \
        >> "$HA_DIR/$node.log" 2>&1
      if [[ "$FAST" == 1 ]]; then
        as_pg pg_autoctl config set --pgdata "$HA_DIR/$node" timeout.network_partition_timeout 3 >/dev/null
      fi
    fi
    start_keeper "$node"
    if [[ "$node" == node1 ]]; then
      wait_ready "$port" renda 120
    fi
  done
  wait_state 180
  echo "== up: primary $(current_primary); JDBC URL:"
  echo "   jdbc:postgresql://127.0.0.1:$((BASEPORT + 1)),127.0.0.1:$((BASEPORT + 2))/renda?targetServerType=primary"
}

stop_keeper() { # $1 node: SIGTERM to the keeper = fast shutdown of its postgres
  local p
  p=$(keeper_pid "$1")
  if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then
    kill -TERM "$p"
    for _ in $(seq 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$p" 2>/dev/null && kill -KILL -- "-$p" 2>/dev/null || true
  fi
  rm -f "$HA_DIR/$1.pid"
}

cmd=${1:-}
case "$cmd" in
  up) up ;;
  state) state ;;
  primary) current_primary ;;
  kill)
    node=${2:?node}
    p=$(keeper_pid "$node")
    [[ -n "$p" ]] || { echo "$node is not running" >&2; exit 1; }
    kill -KILL -- "-$p"
    rm -f "$HA_DIR/$node.pid"
    ;;
  start) start_keeper "${2:?node}" ;;
  down) stop_keeper node2; stop_keeper node1; stop_keeper monitor ;;
  destroy)
    stop_keeper node2; stop_keeper node1; stop_keeper monitor
    rm -rf "$HA_DIR"
    ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
