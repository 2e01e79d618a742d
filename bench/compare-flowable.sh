#!/usr/bin/env bash
# Baton's ticket engine against the Flowable baseline, same workload, same machine, one run: the baseline
# (bench/flowable-baseline, Flowable 8 on PostgreSQL), then Baton on PostgreSQL (fresh database), then Baton on
# the embedded H2 file database at 1 thread. Prints ONE JSON line: the three results side by side, the ratios the
# engine is held to and whether each target is met. Diagnostics (and each engine's statement log) go to stderr.
#
#   bash bench/compare-flowable.sh [threads=4] [seconds=30]
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (PGHOST, PGUSER; databases flowable_bench and baton_bench
# are dropped and recreated), Maven and a JDK 17+ on PATH for the baseline, and a JDK 21+ for Baton (found as
# ./baton finds it). See bench/README.md for what is measured.
set -euo pipefail
N=${1:-4}
S=${2:-30}
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
BATON_DB=${BATON_DB:-baton_bench}
work=target/bench-compare
mkdir -p "$work"
say() { echo "compare-flowable: $*" >&2; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }
t0=$(date +%s)

# Baton's classes and dependency classpath, built with the JDK ./baton picks (>= 21)
say "building Baton's test classes and classpath"
build=(-q -B -Dskip.web=true -Dspotless.check.skip=true test-compile dependency:build-classpath
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
./baton mvn -o "${build[@]}" >&2 || ./baton mvn "${build[@]}" >&2
BATON_JAVA="$(./baton mvn -v 2>/dev/null | sed -n 's/.*runtime: //p')/bin/java"
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

say "Flowable baseline: $N threads, $S s (load average $(loadavg))"
flowable_load=$(loadavg)
bash bench/flowable-baseline/run.sh "$N" "$S" >"$work/flowable.json"

say "Baton on PostgreSQL ($BATON_DB): $N threads, $S s (load average $(loadavg))"
pg_load=$(loadavg)
psql -X -q -d postgres -c "drop database if exists $BATON_DB" -c "create database $BATON_DB" >&2
"$BATON_JAVA" ${BATON_BENCH_JAVA_OPTS:-} -cp "$CP" dev.baton.bench.EngineBench \
  --jdbc "jdbc:postgresql://$PGHOST:5432/$BATON_DB" --user "$PGUSER" --password "${PGPASSWORD:-}" \
  --threads "$N" --seconds "$S" >"$work/baton_pg.json"

say "Baton on embedded H2 (file): 1 thread, $S s (load average $(loadavg))"
h2_load=$(loadavg)
"$BATON_JAVA" ${BATON_BENCH_JAVA_OPTS:-} -cp "$CP" dev.baton.bench.EngineBench \
  --h2 target/bench-h2 --threads 1 --seconds "$S" --phases backlog,warmup,lifecycle >"$work/baton_h2.json"

say "done in $(($(date +%s) - t0)) s"
python3 - "$work" "$flowable_load" "$pg_load" "$h2_load" <<'PY'
import json, sys
work, loads = sys.argv[1], sys.argv[2:]
f, pg, h2 = (json.load(open(f"{work}/{n}.json")) for n in ("flowable", "baton_pg", "baton_h2"))
for d, load in zip((f, pg, h2), loads):
    d["load_average_at_start"] = float(load)

def get(d, *path):
    for p in path:
        if not isinstance(d, dict) or d.get(p) is None:
            return None
        d = d[p]
    return d

def ratio(a, b):
    return None if a is None or not b else round(a / b, 3)

def both(d, *path):
    return [get(d, "writes_per_lifecycle", p, *path) for p in ("short_path", "approval_path")]

def wal_ratio(key):
    fw, bw = both(f, key), both(pg, key)
    if None in fw + bw:
        return None, [None, None]
    return ratio(sum(bw), sum(fw)), [ratio(bw[0], fw[0]), ratio(bw[1], fw[1])]
# this database's WAL (pg_walinspect) when both sides have it; the server's (pg_stat_wal) otherwise
wal_server, _ = wal_ratio("wal_bytes")
wal, wal_paths = wal_ratio("wal_db_bytes")
wal_source = "wal_db_bytes"
if wal is None:
    wal, wal_paths = wal_ratio("wal_bytes")
    wal_source = "wal_bytes"
stmts = both(pg, "per_transition", "statements")
rows = both(pg, "per_transition", "rows_written")
ratios = {
    "lifecycles": ratio(get(pg, "lifecycle", "per_sec"), get(f, "lifecycle", "per_sec")),
    "p99": ratio(get(pg, "lifecycle", "task_complete_p99_ms"), get(f, "lifecycle", "task_complete_p99_ms")),
    "wal": wal,
    "wal_source": wal_source,
    "wal_short_path": wal_paths[0],
    "wal_approval_path": wal_paths[1],
    "wal_server": wal_server,
    "h2_vs_pg": ratio(get(h2, "lifecycle", "per_sec"), get(pg, "lifecycle", "per_sec")),
    "starts": ratio(get(pg, "start", "per_sec"), get(f, "start", "per_sec")),
    "statements_per_lifecycle": ratio(sum(both(pg, "statements")), sum(both(f, "statements")))
    if None not in both(pg, "statements") + both(f, "statements") else None,
}
def at_most(v, limit):
    return None if v is None else v <= limit
def at_least(v, limit):
    return None if v is None else v >= limit
targets = {
    "lifecycles_per_sec_at_least_5x": at_least(ratios["lifecycles"], 5),
    "task_complete_p99_at_most_half": at_most(ratios["p99"], 0.5),
    "statements_per_transition_at_most_6": None if None in stmts else max(stmts) <= 6,
    "rows_written_per_transition_at_most_5": None if None in rows else max(rows) <= 5,
    "wal_per_lifecycle_at_most_quarter": at_most(wal, 0.25),
    "h2_1_thread_at_least_third_of_pg": at_least(ratios["h2_vs_pg"], 1 / 3),
}
targets["all"] = all(v is True for v in targets.values())
print(json.dumps({"flowable": f, "baton_pg": pg, "baton_h2": h2, "ratios": ratios,
                  "per_transition": {"statements": stmts, "rows_written": rows}, "targets_met": targets},
                 separators=(",", ":"), ensure_ascii=False))
PY
