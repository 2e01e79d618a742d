-- The event log is the outbox: each ticket_events row carries the domain events of its change, and one relay
-- cursor walks the log in id order. A change writes one row fewer and deletes nothing; ticket_outbox now only
-- holds deliveries that failed, with their retry schedule (and whatever an earlier version left undelivered).

-- JSON list of the change's domain events; null when it published none
alter table ticket_events add column domain_events text;

-- the relay reads the log in id order across tenants
create unique index ticket_events_id_ux on ticket_events (id);

-- One row. last_event_id: every event up to it has been delivered, except the ids in pending: ids the cursor
-- passed before their transaction committed (or that were rolled back), "id:first-seen-epoch-ms" separated by
-- commas, looked for again each round until they appear or grow too old to be a transaction in flight.
create table ticket_relay (
    id            integer not null primary key,
    last_event_id bigint  not null,
    pending       text    not null,
    updated_at    timestamp with time zone not null
);
-- Events logged before this version were delivered through ticket_outbox: the cursor starts after them.
insert into ticket_relay (id, last_event_id, pending, updated_at)
select 1, coalesce(max(id), 0), '', current_timestamp from ticket_events;
