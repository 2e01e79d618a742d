-- WeCom access tokens and JS-SDK tickets, shared by every node of the installation: WeCom limits how often a token
-- may be fetched, and a token fetched by one node serves all. expires_at is already five minutes before WeCom's end.
-- (the column is "token", not "value": VALUE is a keyword in H2)
-- kind: access | jsapi (the corp's JS-SDK ticket) | agent_jsapi (the app's, for wx.agentConfig)
create table wecom_tokens (
    tenant_id   bigint        not null references tenants (tenant_id),
    kind        varchar(16)   not null,
    token       varchar(1024) not null,
    expires_at  timestamp with time zone not null,
    primary key (tenant_id, kind)
);
