-- Fewer index entries per ticket change (WAL per lifecycle, bench/README.md). PostgreSQL's half of V30; H2's is
-- db/vendor/h2/V30 (same version in both, so the next common migration is V31).

-- The event log's primary key becomes its natural key (tenant, ticket, version), which was already unique and
-- serves the history; (tenant_id, id) served no query (the relay reads by id alone, through ticket_events_id_ux),
-- so each event row now writes three index entries instead of four.
alter table ticket_events drop constraint ticket_events_pkey;
alter table ticket_events add constraint ticket_events_pkey primary key using index ticket_events_ticket_ux;

-- Candidates are looked up by role or department only among rows nobody has claimed ("user_id is null and
-- role_code in (…)", TicketAccess.workTasks); a claimed row keeps its role for a release but needs no entry.
drop index ticket_tasks_role_ix;
create index ticket_tasks_role_ix on ticket_tasks (tenant_id, role_code, created_at)
    where role_code is not null and user_id is null;
drop index ticket_tasks_department_ix;
create index ticket_tasks_department_ix on ticket_tasks (tenant_id, department_id, created_at)
    where department_id is not null and user_id is null;

-- A field_index row holds one typed value; each typed index need only hold the rows that have its type (every
-- filter compares the value, which implies it is not null), so a row writes one entry instead of four.
drop index field_index_text_ix;
create index field_index_text_ix on field_index (tenant_id, field_key, text_value, ticket_id)
    where text_value is not null;
drop index field_index_number_ix;
create index field_index_number_ix on field_index (tenant_id, field_key, number_value, ticket_id)
    where number_value is not null;
drop index field_index_date_ix;
create index field_index_date_ix on field_index (tenant_id, field_key, date_value, ticket_id)
    where date_value is not null;
drop index field_index_instant_ix;
create index field_index_instant_ix on field_index (tenant_id, field_key, instant_value, ticket_id)
    where instant_value is not null;
