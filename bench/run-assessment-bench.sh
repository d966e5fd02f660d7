#!/usr/bin/env bash
# End to end on PostgreSQL: a county's 1,500 deputies scored from 50,000 duty records through the assessment
# services (see src/test/java/org/renda/assessment/CountyScoringRun.java). Needs PostgreSQL at 127.0.0.1:5432
# (user postgres, trust auth) and a built test class path (the script compiles it).
#   bench/run-assessment-bench.sh            # fresh database renda_bench_assessment
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
db=${DB:-renda_bench_assessment}
mkdir -p bench/out
mvn -q -o test-compile
[[ -f target/cp.txt ]] || mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.renda.assessment.CountyScoringRun \
  "jdbc:postgresql://127.0.0.1:5432/$db" 2>&1 | tee bench/out/assessment-county.log | grep -A12 "assessment county run"
