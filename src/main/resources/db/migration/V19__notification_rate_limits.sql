-- Rate limits with digests (WeCom: 30 messages a minute and 1,000 an hour per recipient).

-- A delivery over the limit is not sent but merged into a digest delivery (status 'merged', digest_id = the
-- digest's id), which is sent once the recipient's window has room.
alter table notification_deliveries add column digest_id bigint;
-- When the delivery took one of its recipient's sends: set just before sending, cleared when the send failed.
-- Counting these (not sent_at) also counts sends in flight on other nodes.
alter table notification_deliveries add column counted_at timestamp with time zone;

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
