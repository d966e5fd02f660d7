#!/usr/bin/env bash
# Runs bench/GenerateDataset.java (single-file source launch) with the PostgreSQL driver on the class path.
#   bench/generate.sh --size county --url jdbc:postgresql://127.0.0.1:5432/renda_bench [--user postgres]
# The driver is taken from ~/.m2 (present after any build of the app) or bench/lib; if neither has it,
# Maven copies it into bench/lib.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."

find_driver() {
  local jar
  jar=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null \
        | grep -v -e sources -e javadoc | sort -V | tail -1 || true)
  if [[ -z "$jar" ]]; then
    jar=$(ls "$here"/lib/postgresql-*.jar 2>/dev/null | sort -V | tail -1 || true)
  fi
  echo "$jar"
}

driver=$(find_driver)
if [[ -z "$driver" ]]; then
  mvn -q dependency:copy -Dartifact=org.postgresql:postgresql:42.7.13 -DoutputDirectory="$here/lib"
  driver=$(find_driver)
fi
exec java -Xmx2g -cp "$driver" "$here/GenerateDataset.java" "$@"
