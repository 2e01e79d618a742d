-- Uploaded files. The bytes live in the attachment storage (a directory under BATON_DATA_DIR by
-- default); this table holds what was sniffed from them and where they are. Ids are random UUID
-- strings: field values (JSON) reference them, so they must not be guessable or enumerable.
create table attachments (
    tenant_id     bigint       not null references tenants (tenant_id),
    id            varchar(36)  not null,
    -- as uploaded, without any directory part
    file_name     varchar(255) not null,
    -- sniffed from the bytes, never taken from the client
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    -- lower-case hex
    sha256        varchar(64)  not null,
    -- relative to the tenant's storage root; the thumbnail is stored under storage_key || '.thumb'
    storage_key   varchar(255) not null,
    has_thumbnail boolean      not null default false,
    created_by    bigint,
    created_at    timestamp with time zone not null,
    primary key (tenant_id, id)
);
