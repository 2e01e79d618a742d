-- The customer's rating of a finished ticket, given once on the progress page; the event log records it too
-- (action customer_rate), this row is what staff screens and reports read.
create table ticket_ratings (
    tenant_id  bigint       not null,
    ticket_id  bigint       not null,
    stars      smallint     not null check (stars between 1 and 5),
    -- sanitised HTML, at most 500 characters as given
    comment    varchar(4000),
    created_at timestamp with time zone not null,
    primary key (tenant_id, ticket_id)
);
