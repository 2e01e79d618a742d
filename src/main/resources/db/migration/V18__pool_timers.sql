-- The pool's timers: who hears of a ticket nobody grabbed in time, and which offers were escalated (shown in the
-- pool list; the key also makes an escalation happen once per offer, however often its timer fires).
alter table pool_settings add column escalate_role varchar(64);

create table pool_escalations (
    tenant_id     bigint                   not null,
    ticket_id     bigint                   not null,
    node_id       varchar(64)              not null,
    offered_at    timestamp with time zone not null,
    escalated_at  timestamp with time zone not null,
    primary key (tenant_id, ticket_id, node_id, offered_at)
);
