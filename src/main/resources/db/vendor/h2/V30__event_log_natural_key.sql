-- H2's half of V30 (PostgreSQL's, with the partial indexes H2 has no syntax for, is db/vendor/postgresql/V30): the
-- event log's primary key becomes its natural key (tenant, ticket, version), already unique and what the history
-- reads by; (tenant_id, id) served no query (the relay reads by id alone, through ticket_events_id_ux).
alter table ticket_events drop primary key;
drop index ticket_events_ticket_ux;
alter table ticket_events add primary key (tenant_id, ticket_id, ticket_version);
