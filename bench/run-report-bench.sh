#!/usr/bin/env bash
# The county annual report on PostgreSQL: a fresh database, the county dataset (bench/generate.sh) and the records
# the report counts, then AnnualReports.compute against the bare SQL of bench/sql/annual-report.sql
# (src/test/java/org/renda/report/CountyReportRun.java). Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust).
#   bench/run-report-bench.sh            # fresh database renda_report_bench
# The compiled classes are copied first, so a build while it runs does not pull classes from under it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
db=${DB:-renda_report_bench}
mkdir -p bench/out
mvn -q -o test-compile
[[ -f target/cp.txt ]] || mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
snapshot=$(mktemp -d)
cp -r target/classes "$snapshot/classes"
cp -r target/test-classes "$snapshot/test-classes"
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
java -cp "$snapshot/test-classes:$snapshot/classes:$(cat target/cp.txt)" org.renda.report.CountyReportRun \
  "jdbc:postgresql://127.0.0.1:5432/$db" 2>&1 | tee bench/out/report-county.log | grep -A40 "annual report county run"
rm -rf "$snapshot"
