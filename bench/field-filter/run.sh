#!/usr/bin/env bash
# Custom-field filter at a million tickets, on PostgreSQL: "device_model = 'X200' and amount between
# 1000 and 5000" through the typed field_index table (Baton's real migrations), 1,000,000 tickets with
# two searchable fields each, 50 tenants. Prints one JSON line: the median and p95 execution time of
# the filter (EXPLAIN ANALYZE, server side) and whether the planner used the indexes.
#
#   bash bench/field-filter/run.sh            (PGHOST/PGPORT/PGUSER/PGDATABASE, default 127.0.0.1 postgres test)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
TICKETS=${TICKETS:-1000000}
schema=bench_field_filter
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

psql -c "set client_min_messages = warning; drop schema if exists $schema cascade; create schema $schema;" >/dev/null
{
  echo "set search_path to $schema;"
  cat src/main/resources/db/migration/V1__organisation.sql src/main/resources/db/migration/V2__templates.sql
} | psql >/dev/null

psql >/dev/null <<SQL
set search_path to $schema;
insert into tenants (code, name, created_at) select 't' || g, 'tenant ' || g, now() from generate_series(1, 50) g;
-- ticket i belongs to tenant 1 + i % 50; one model out of 200, amounts spread over 0..20,000
insert into field_index (tenant_id, ticket_id, field_key, seq, template_id, text_value)
  select 1 + g % 50, g, 'device_model', 0, 1, 'X' || (g % 200) from generate_series(1, $TICKETS) g;
insert into field_index (tenant_id, ticket_id, field_key, seq, template_id, number_value)
  select 1 + g % 50, g, 'amount', 0, 1, (g::bigint * 7919 % 2000000) / 100.0 from generate_series(1, $TICKETS) g;
-- steady state: autovacuum has set the visibility map, so the covering indexes answer alone
vacuum analyze field_index;
SQL

query="select m.ticket_id from field_index m join field_index a
  on a.tenant_id = m.tenant_id and a.ticket_id = m.ticket_id and a.field_key = 'amount'
  where m.tenant_id = 7 and m.field_key = 'device_model' and m.text_value = 'X6'
    and a.number_value between 1000 and 5000
  order by m.ticket_id desc limit 50"

plan=$(psql -At -c "set search_path to $schema; explain $query")
uses_index=false
grep -q "Index" <<<"$plan" && ! grep -q "Seq Scan" <<<"$plan" && uses_index=true
matches=$(psql -At -c "set search_path to $schema; select count(*) from ($query) q")

times=()
for _ in $(seq 1 30); do
  t=$(psql -At -c "set search_path to $schema; explain (analyze, format json) $query" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')
  times+=("$t")
done
stats=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f %.3f", a[int(NR/2)+1], a[int(NR*0.95)]}')
rows=$(psql -At -c "select count(*) from $schema.field_index")
[ -n "${KEEP:-}" ] || psql -c "set client_min_messages = warning; drop schema $schema cascade" >/dev/null
read -r p50 p95 <<<"$stats"
printf '{"bench":"field-filter","database":"postgresql","tickets":%d,"index_rows":%d,"matches":%d,"uses_index":%s,"p50_ms":%s,"p95_ms":%s}\n' \
  "$TICKETS" "$rows" "$matches" "$uses_index" "$p50" "$p95"
