#!/usr/bin/env bash
# 100,000 timers due at one instant on PostgreSQL, fired by Baton's own db-scheduler configuration
# (dev.baton.bench.TimerBench, TimerConfig.build): fired/s from the due time to the last fire, lateness p50/p99/max
# and the first fire's. The database baton_timer_bench is created afresh and dropped afterwards. Prints ONE JSON
# line on stdout; the build and the scheduler's log go to stderr.
#
#   bash bench/timers.sh [--timers 100000] [--threads 4] [--poll-ms 1000] [--db-write true] [--lead-ms 15000]
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for postgres (--host, --user to change).
set -euo pipefail
cd "$(dirname "$0")/.."
build=(-q -B -Dskip.web=true -Dspotless.check.skip=true test-compile dependency:build-classpath
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
./baton mvn -o "${build[@]}" >&2 || ./baton mvn "${build[@]}" >&2
BATON_JAVA="$(./baton mvn -v 2>/dev/null | sed -n 's/.*runtime: //p')/bin/java"
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "timer bench: load average $(cut -d' ' -f1 /proc/loadavg)" >&2
"$BATON_JAVA" ${BATON_BENCH_JAVA_OPTS:-} -cp "$CP" dev.baton.bench.TimerBench "$@"
