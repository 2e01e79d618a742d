-- Ticket updates become HOT (heap-only: no index is touched) when no indexed column changes and the page has
-- room. updated_at changes with every transition and status with many, so neither is indexed any more: the
-- list of unfinished work is served by a partial index that only closing, cancelling or reopening touches,
-- and pages keep a fifth free for the new row versions. Measured with bench/compare-flowable.sh: see
-- bench/README.md.
drop index tickets_updated_ix;
drop index tickets_status_ix;
create index tickets_unfinished_ix on tickets (tenant_id, created_at) where closed_at is null;
alter table tickets set (fillfactor = 80);
-- most tickets have no idempotency key; only those that do need the entry
drop index tickets_idempotency_ux;
create unique index tickets_idempotency_ux on tickets (tenant_id, idempotency_key) where idempotency_key is not null;
