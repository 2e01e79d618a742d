#!/usr/bin/env bash
# The baseline's optional timer phase for Baton: a 10,000-ticket backlog (about a quarter of it at `resolve`, which has
# a 4-hour node SLA), N more tickets parked at `resolve`, then every SLA moment made due at once (the application's clock is
# moved past the last one) and fired by the nodes' SLA pollers (SlaDue, baton.sla.timers.workers threads). Prints ONE
# JSON line: EngineBench's, whose "sla_timer_burst" holds timers, first_fire_after_ms, drain_seconds, fired_per_sec
# and CPU per timer. The database baton_sla_burst is created afresh.
#
#   bash bench/sla-burst.sh [timers=20000]
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (PGHOST, PGUSER).
set -euo pipefail
N=${1:-20000}
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DB=${BATON_DB:-baton_sla_burst}
build=(-q -B -Dskip.web=true -Dspotless.check.skip=true test-compile dependency:build-classpath
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
./baton mvn -o "${build[@]}" >&2 || ./baton mvn "${build[@]}" >&2
BATON_JAVA="$(./baton mvn -v 2>/dev/null | sed -n 's/.*runtime: //p')/bin/java"
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
psql -X -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >&2
echo "sla-burst: $N timers (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
"$BATON_JAVA" ${BATON_BENCH_JAVA_OPTS:-} -cp "$CP" dev.baton.bench.EngineBench \
  --jdbc "jdbc:postgresql://$PGHOST:5432/$DB" --user "$PGUSER" --password "${PGPASSWORD:-}" \
  --threads 4 --phases backlog --timers "$N"
