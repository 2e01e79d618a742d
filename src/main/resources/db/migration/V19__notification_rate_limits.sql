-- Rate limits with digests (WeCom: 30 messages a minute and 1,000 an hour per recipient), and what a channel
-- needs for a richer message than subject and body.

-- A delivery over the limit is not sent but merged into a digest delivery (status 'merged', digest_id = the
-- digest's id), which is sent once the recipient's window has room.
alter table notification_deliveries add column digest_id bigint;
-- When the delivery took one of its recipient's sends: set just before sending, cleared when the send failed.
-- Counting these (not sent_at) also counts sends in flight on other nodes.
alter table notification_deliveries add column counted_at timestamp with time zone;
-- The variables a channel keeps for the send (the WeCom template card's ticket, node and version), as JSON.
alter table notification_deliveries add column details varchar(2000);

create index notification_deliveries_counted_ix on notification_deliveries (tenant_id, channel, address, counted_at);
create index notification_deliveries_digest_ix on notification_deliveries (tenant_id, digest_id);

-- One row per rate-limited address, locked while a send is counted or a delivery merged, so two nodes cannot
-- both take a recipient's last free send or open two digests for them.
create table notification_senders (
    tenant_id bigint        not null,
    channel   varchar(16)   not null,
    address   varchar(1000) not null,
    primary key (tenant_id, channel, address)
);
