#!/usr/bin/env bash
# Backup and restore drill, on loopback, with Debian's PostgreSQL 15 tools only:
#   1. a source cluster of its own (127.0.0.1:6010, WAL archiving on: archive_command copies each finished WAL
#      segment to an archive folder), Renda running on it with the demo county and public submissions arriving;
#   2. logical backup while submissions keep arriving: pg_dump -Fc inside an exported snapshot, the row count of
#      every table taken in that same snapshot; restored with pg_restore into a fresh database;
#   3. physical backup: pg_basebackup while submissions arrive, then more submissions, then a named restore point
#      (row counts taken under a lock that holds writers back, so they are exactly the counts at that point),
#      then more submissions that must NOT come back;
#   4. point-in-time restore: the base backup into a fresh cluster (127.0.0.1:6011) replaying archived WAL up to
#      the restore point (recovery_target_name), then promoted;
#   5. on both restores: row counts per table equal the source's at the backup's moment, and the audit hash chain
#      verifies (java -jar ... --verify-audit).
# Prints "RESTORE DRILL: PASS" or "RESTORE DRILL: FAIL (...)". Loopback only, a few minutes, not part of CI.
#
#   ops/backup/restore-drill.sh            # as root; SKIP_BUILD=1 reuses target/renda-*.jar
# Settings (environment): BK_DIR=/tmp/renda-backup (wiped at the start) SRC_PORT=6010 PITR_PORT=6011 PORT=8098
#   KEEP=1 leaves the clusters running. Results: ops/backup/out/<date>-restore/ (run.log, counts, logs).
set -euo pipefail
cd "$(dirname "$0")/../.."
unset PGHOST PGPORT PGUSER PGDATABASE PGTARGETSESSIONATTRS PGSERVICE

BK_DIR=${BK_DIR:-/tmp/renda-backup}
SRC_PORT=${SRC_PORT:-6010}
PITR_PORT=${PITR_PORT:-6011}
PORT=${PORT:-8098}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB=renda
RP=renda-drill-$(date -u +%Y%m%dT%H%M%S)
OUT=ops/backup/out/$(date -u +%Y%m%d-%H%M%S)-restore
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
BASE="http://127.0.0.1:$PORT"
RUN=b$(date +%s)
ARCH=$BK_DIR/archive
# This run's own audit signing key and checkpoint copy (the app's defaults are under ./data, shared by every run
# from this directory). The copy is kept with each backup as it was at the backup's moment (see verify_chain).
AUDIT_OPTS="--renda.audit.signing-key-file=$OUT/audit-signing.key --renda.audit.checkpoint-copy-file=$OUT/audit-checkpoints.jsonl"

case "$BK_DIR" in /tmp/*|/var/tmp/*) ;; *) echo "BK_DIR must be under /tmp or /var/tmp (it is wiped)" >&2; exit 2 ;; esac
[[ $(id -u) -eq 0 ]] || { echo "run as root (the clusters run as the postgres user)" >&2; exit 2; }

log() { echo "== $*" | tee -a "$OUT/run.log"; }
as_pg() { setpriv --reuid postgres --regid postgres --init-groups -- env -i PATH="$PGBIN:/usr/bin:/bin" LANG=C.UTF-8 "$@"; }
q() { # $1 port, $2 database, rest: psql arguments
  local port=$1 db=$2; shift 2
  "$PGBIN/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"
}

if [[ -z "${JAR:-}" && "${SKIP_BUILD:-0}" != 1 ]]; then
  log "build: mvn -q -o -DskipTests package"
  mvn -q -o -DskipTests package
fi
JAR=${JAR:-$(ls target/renda-*.jar | grep -v -e sources -e original | head -1)}
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
for p in "$SRC_PORT" "$PITR_PORT"; do
  if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$p"; then echo "port $p is in use" >&2; exit 1; fi
done
if curl -s -o /dev/null "$BASE/actuator/health"; then echo "port $PORT is in use; set PORT" >&2; exit 1; fi

APP_PID=
CLIENT_PID=
stop_all() {
  [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2>/dev/null || true
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" != 1 ]]; then
    for d in src pitr; do
      [[ -f "$BK_DIR/$d/postmaster.pid" ]] && as_pg pg_ctl -D "$BK_DIR/$d" -m fast -w stop >/dev/null 2>&1 || true
    done
  fi
}
trap stop_all EXIT

log "source cluster on 127.0.0.1:$SRC_PORT with WAL archiving to $ARCH"
rm -rf "$BK_DIR"
mkdir -p "$BK_DIR" "$ARCH"
chown -R postgres:postgres "$BK_DIR"
chmod 700 "$BK_DIR"
as_pg initdb -D "$BK_DIR/src" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$OUT/initdb.log"
cat >> "$BK_DIR/src/postgresql.conf" <<CONF
# ---- restore drill
port = $SRC_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BK_DIR'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCH/%f && cp %p $ARCH/%f'
max_wal_senders = 4
CONF
as_pg pg_ctl -D "$BK_DIR/src" -l "$BK_DIR/src.log" -w start > /dev/null
q "$SRC_PORT" postgres -c "create database $DB"

log "start Renda on it (demo county loaded) at $BASE"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$SRC_PORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
RENDA_DEMO_ENABLED=true \
  java ${APP_JAVA_OPTS:--Xmx768m} -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 \
  --server.port="$PORT" --renda.public.rate-limit.enabled=false $AUDIT_OPTS > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1200); do
  curl -sf -o /dev/null "$BASE/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/actuator/health" || { echo "the app did not become healthy" >&2; exit 1; }
ORG=$(q "$SRC_PORT" "$DB" -c "select code from organisation where type in ('TOWN','STREET','COUNTY') order by type = 'COUNTY', id limit 1" 2>/dev/null || true)
[[ -n "$ORG" ]] || { echo "no organisation to address submissions to (demo data missing?)" >&2; exit 1; }

burst() { # $1 batch name, $2 clients, $3 keys each; runs in the background, sets CLIENT_PID
  java bench/casework/CrashClient.java --base "$BASE" --org "$ORG" --run "$RUN$1" --clients "$2" --keys "$3" \
    --out "$OUT/acks-$1.csv" --progress "$OUT/progress-$1.txt" > "$OUT/client-$1.log" 2>&1 &
  CLIENT_PID=$!
}
wait_acks() { # $1 batch name, $2 acknowledged submissions to wait for (the client JVM takes a while to start)
  for _ in $(seq 600); do
    [[ "$(cut -d' ' -f1 "$OUT/progress-$1.txt" 2>/dev/null || echo 0)" -ge "$2" ]] && return 0
    kill -0 "$CLIENT_PID" 2>/dev/null || return 0
    sleep 0.1
  done
}
wait_burst() { wait "$CLIENT_PID" || true; CLIENT_PID=; cat "$OUT/client-$1.log" >> "$OUT/run.log"; }
batch_cases() { # $1 port, $2 batch name
  q "$1" "$DB" -c "select count(*) from case_item where idempotency_key like 'crash-$RUN$2-%'"
}

# One "select 'table', count(*)" per table of the schema, in one statement.
COUNT_SQL=$(q "$SRC_PORT" "$DB" -c "select string_agg(format('select %L as t, count(*) as n from %I', tablename, tablename), ' union all ' order by tablename) from pg_tables where schemaname = 'public'")
TABLES=$(q "$SRC_PORT" "$DB" -c "select string_agg(format('%I', tablename), ', ' order by tablename) from pg_tables where schemaname = 'public'")
log "schema: $(echo "$TABLES" | tr ',' '\n' | wc -l) tables; submissions go to $ORG"

log "batch 1: 200 submissions before any backup"
burst 1 4 50; wait_burst 1

log "logical backup (pg_dump -Fc) while batch 2 (400 submissions) arrives; counts in the dump's own snapshot"
burst 2 4 100
wait_acks 2 100
# The checkpoint copy goes with the backup; taken before the snapshot, it holds nothing the snapshot lacks.
cp "$OUT/audit-checkpoints.jsonl" "$OUT/checkpoints-dump.jsonl" 2>/dev/null || : > "$OUT/checkpoints-dump.jsonl"
q "$SRC_PORT" "$DB" > /dev/null <<SQL
begin isolation level repeatable read, read only;
select pg_export_snapshot() as snap \gset
\setenv DRILL_SNAPSHOT :snap
\o $OUT/counts-dump.txt
$COUNT_SQL order by 1;
\o
\! $PGBIN/pg_dump -h 127.0.0.1 -p $SRC_PORT -U postgres --snapshot="\$DRILL_SNAPSHOT" -Fc -f $OUT/renda.dump $DB
commit;
SQL
DUMP_PROGRESS=$(cut -d' ' -f1 "$OUT/progress-2.txt" 2>/dev/null || echo '?')
wait_burst 2
log "dump: $(du -h "$OUT/renda.dump" | cut -f1), taken while batch 2 was at $DUMP_PROGRESS of 400 acknowledged;" \
    "case_item in the snapshot: $(grep '^case_item|' "$OUT/counts-dump.txt" | cut -d'|' -f2)"

log "physical backup (pg_basebackup, WAL streamed) while batch 3 (200 submissions) arrives"
burst 3 4 50
wait_acks 3 50
as_pg pg_basebackup -h 127.0.0.1 -p "$SRC_PORT" -U postgres -D "$BK_DIR/base" -Fp -X stream -c fast -l "$RP-base" \
  > "$OUT/basebackup.log" 2>&1
BASE_PROGRESS=$(cut -d' ' -f1 "$OUT/progress-3.txt" 2>/dev/null || echo '?')
wait_burst 3
log "base backup: $(du -sh "$BK_DIR/base" | cut -f1), done while batch 3 was at $BASE_PROGRESS of 200 acknowledged"

log "restore point $RP: writers held back by a share lock on every table while it is counted and marked"
for attempt in 1 2 3 4 5; do
  if q "$SRC_PORT" "$DB" > /dev/null 2> "$OUT/lock.err" <<SQL
set lock_timeout = '5s';
begin;
lock table $TABLES in share mode;
\! cp $OUT/audit-checkpoints.jsonl $OUT/checkpoints-pitr.jsonl
\o $OUT/counts-pitr.txt
$COUNT_SQL order by 1;
\o
select pg_create_restore_point('$RP');
commit;
SQL
  then break; fi
  log "lock attempt $attempt failed: $(head -1 "$OUT/lock.err")"
  [[ $attempt -lt 5 ]] || { echo "could not take the restore point" >&2; exit 1; }
done

log "batch 4: 200 submissions AFTER the restore point (must not come back), then switch the WAL segment"
burst 4 4 50; wait_burst 4
SEG=$(q "$SRC_PORT" "$DB" -c "select pg_walfile_name(pg_switch_wal())")
for _ in $(seq 120); do
  [[ -f "$ARCH/$SEG" ]] && break
  sleep 0.5
done
[[ -f "$ARCH/$SEG" ]] || { echo "segment $SEG was not archived" >&2; exit 1; }
SRC_CASES=$(q "$SRC_PORT" "$DB" -c "select count(*) from case_item")
log "archived up to $SEG ($(ls "$ARCH" | wc -l) files); source now has $SRC_CASES cases"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=

compare() { # $1 expected counts file, $2 port, $3 database, $4 name -> prints "<tables> tables, <rows> rows, <n> differ"
  q "$2" "$3" -c "$COUNT_SQL order by 1" > "$OUT/counts-$4-restored.txt"
  diff "$1" "$OUT/counts-$4-restored.txt" > "$OUT/counts-$4.diff" || true
  local tables rows differ
  tables=$(wc -l < "$1")
  rows=$(awk -F'|' '{ s += $2 } END { print s + 0 }' "$1")
  differ=$(grep -c '^<' "$OUT/counts-$4.diff" || true)
  echo "$tables $rows $differ"
}

verify_chain() { # $1 port, $2 database, $3 name -> exit code of --verify-audit
  # Against the checkpoint copy as it was when the backup was taken: today's copy also holds the checkpoints
  # signed after it, and a restore to an earlier moment rightly shows against it as "the last records deleted".
  set +e
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$1/$2" SPRING_DATASOURCE_USERNAME=postgres \
    java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1 --server.port=0 \
    --renda.audit.signing-key-file="$OUT/audit-signing.key" --renda.audit.checkpoint-copy-file="$OUT/checkpoints-$3.jsonl" \
    --verify-audit --audit-checkpoints="$OUT/checkpoints-$3.jsonl" > "$OUT/verify-$3.log" 2>&1
  local rc=$?
  set -e
  { grep -E '^(哈希链|Hash chain)' "$OUT/verify-$3.log" || echo "no verdict, see $OUT/verify-$3.log"; } | sed "s/^/  $3: /" | tee -a "$OUT/run.log" >&2
  return $rc
}

FAIL=()

log "restore the dump into a fresh database renda_restored (pg_restore)"
q "$SRC_PORT" postgres -c "create database renda_restored"
"$PGBIN/pg_restore" -h 127.0.0.1 -p "$SRC_PORT" -U postgres -d renda_restored --exit-on-error "$OUT/renda.dump" \
  > "$OUT/pg_restore.log" 2>&1 || FAIL+=("pg_restore failed, see $OUT/pg_restore.log")
read -r D_TABLES D_ROWS D_DIFF < <(compare "$OUT/counts-dump.txt" "$SRC_PORT" renda_restored dump)
log "dump restore: $D_TABLES tables, $D_ROWS rows; tables whose count differs from the snapshot: $D_DIFF"
[[ "$D_DIFF" -eq 0 ]] || FAIL+=("$D_DIFF tables differ after pg_restore (counts-dump.diff)")
D_CHAIN=0; verify_chain "$SRC_PORT" renda_restored dump || D_CHAIN=$?
[[ "$D_CHAIN" -eq 0 ]] || FAIL+=("audit chain of the dump restore: exit $D_CHAIN")

log "point-in-time restore: base backup + archived WAL up to '$RP' into a fresh cluster on 127.0.0.1:$PITR_PORT"
cp -a "$BK_DIR/base" "$BK_DIR/pitr"
cat >> "$BK_DIR/pitr/postgresql.conf" <<CONF
# ---- point-in-time restore
port = $PITR_PORT
archive_mode = off
restore_command = 'cp $ARCH/%f %p'
recovery_target_name = '$RP'
recovery_target_action = 'promote'
CONF
touch "$BK_DIR/pitr/recovery.signal"
chown -R postgres:postgres "$BK_DIR/pitr"
START=$(date +%s%3N)
as_pg pg_ctl -D "$BK_DIR/pitr" -l "$BK_DIR/pitr.log" -w -t 300 start > /dev/null
for _ in $(seq 240); do
  [[ "$(q "$PITR_PORT" postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" == f ]] && break
  sleep 0.5
done
log "recovered and promoted in $(( $(date +%s%3N) - START )) ms: $(grep -E 'recovery stopping|consistent recovery state' "$BK_DIR/pitr.log" | sed 's/^.*LOG: *//' | tr '\n' ';')"
read -r P_TABLES P_ROWS P_DIFF < <(compare "$OUT/counts-pitr.txt" "$PITR_PORT" "$DB" pitr)
log "point-in-time restore: $P_TABLES tables, $P_ROWS rows; tables whose count differs from the restore point: $P_DIFF"
[[ "$P_DIFF" -eq 0 ]] || FAIL+=("$P_DIFF tables differ after the point-in-time restore (counts-pitr.diff)")
B3=$(batch_cases "$PITR_PORT" 3); B4=$(batch_cases "$PITR_PORT" 4)
log "batch 3 (before the point) restored: $B3 of 200; batch 4 (after the point) restored: $B4 of 200"
[[ "$B3" -eq 200 ]] || FAIL+=("batch 3 incomplete after PITR ($B3)")
[[ "$B4" -eq 0 ]] || FAIL+=("batch 4 came back although it followed the restore point ($B4)")
P_CHAIN=0; verify_chain "$PITR_PORT" "$DB" pitr || P_CHAIN=$?
[[ "$P_CHAIN" -eq 0 ]] || FAIL+=("audit chain of the point-in-time restore: exit $P_CHAIN")

{ echo "table|snapshot(dump)|restored(dump)|restore point|restored(pitr)"
  join -t'|' -a1 "$OUT/counts-dump.txt" "$OUT/counts-dump-restored.txt" \
    | join -t'|' -a1 - "$OUT/counts-pitr.txt" | join -t'|' -a1 - "$OUT/counts-pitr-restored.txt"; } > "$OUT/counts.txt"
log "per-table counts: $OUT/counts.txt"

SUMMARY="dump: $D_TABLES tables / $D_ROWS rows, $D_DIFF differ, chain $([[ $D_CHAIN -eq 0 ]] && echo intact || echo "exit $D_CHAIN");"
SUMMARY+=" PITR: $P_TABLES tables / $P_ROWS rows, $P_DIFF differ, batch after the point $B4, chain $([[ $P_CHAIN -eq 0 ]] && echo intact || echo "exit $P_CHAIN")"
if [[ ${#FAIL[@]} -eq 0 ]]; then
  log "RESTORE DRILL: PASS — $SUMMARY"
  log "results: $OUT"
  exit 0
fi
log "RESTORE DRILL: FAIL (${FAIL[*]}) — $SUMMARY"
log "results: $OUT"
exit 1
