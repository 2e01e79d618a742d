#!/usr/bin/env bash
# BusinessCalendar.deadline on the standard calendar (09:00-12:00, 13:30-18:00, 2026 holidays) for PT30M, PT2H, PT8H
# and P3D from 64 start moments (dev.baton.sla.DeadlineBenchmark, JMH: one fork, one thread, 3 × 2 s warm-up and
# 5 × 2 s measurement per benchmark, about 1.5 minutes). Prints ONE JSON line (calls/s per span and overall) on
# stdout; the build and JMH's report go to stderr.
#
#   bash bench/deadline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=(-q -B -Dskip.web=true -Dspotless.check.skip=true test-compile dependency:build-classpath
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
./baton mvn -o "${build[@]}" >&2 || ./baton mvn "${build[@]}" >&2
BATON_JAVA="$(./baton mvn -v 2>/dev/null | sed -n 's/.*runtime: //p')/bin/java"
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "deadline bench: load average $(cut -d' ' -f1 /proc/loadavg)" >&2
"$BATON_JAVA" ${BATON_BENCH_JAVA_OPTS:-} -cp "$CP" dev.baton.bench.DeadlineBench "$@"
