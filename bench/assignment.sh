#!/usr/bin/env bash
# The assignment decision for a tenant with 200 rules, 5,000 keywords and 2,000 agents (dev.baton.bench.AssignmentBench):
# keyword classification + the first matching rule + eligibility + the strategy's pick, in-process and without the
# database (open loads and round-robin cursors from memory). Prints ONE JSON line (p50/p90/p99/p99.9/max in ms) on
# stdout; the build goes to stderr.
#
#   bash bench/assignment.sh [--rules 200] [--keywords 5000] [--agents 2000] [--warmup 20000] [--iterations 50000]
set -euo pipefail
cd "$(dirname "$0")/.."
build=(-q -B -Dskip.web=true -Dspotless.check.skip=true test-compile dependency:build-classpath
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
./baton mvn -o "${build[@]}" >&2 || ./baton mvn "${build[@]}" >&2
BATON_JAVA="$(./baton mvn -v 2>/dev/null | sed -n 's/.*runtime: //p')/bin/java"
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "assignment bench: load average $(cut -d' ' -f1 /proc/loadavg)" >&2
"$BATON_JAVA" ${BATON_BENCH_JAVA_OPTS:-} -cp "$CP" dev.baton.bench.AssignmentBench "$@"
