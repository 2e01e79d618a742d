-- A task row names a user, or candidates by role or department, or nobody (the pool): each of its indexes need
-- only hold the rows that name what it looks up, so a new task row writes two index entries instead of four
-- (every transition replaces task rows). The pool gets its own index; tickets without a customer need no entry.
-- Queries stay the same: "user_id = ?", "role_code in (…)" and "department_id in (…)" imply the conditions.
-- (PostgreSQL only, like V9; versions are shared with db/migration, so the next common migration is V15.)
drop index ticket_tasks_user_ix;
create index ticket_tasks_user_ix on ticket_tasks (tenant_id, user_id, created_at) where user_id is not null;
drop index ticket_tasks_role_ix;
create index ticket_tasks_role_ix on ticket_tasks (tenant_id, role_code, created_at) where role_code is not null;
drop index ticket_tasks_department_ix;
create index ticket_tasks_department_ix on ticket_tasks (tenant_id, department_id, created_at)
    where department_id is not null;
create index ticket_tasks_pool_ix on ticket_tasks (tenant_id, created_at)
    where user_id is null and role_code is null and department_id is null;
drop index tickets_customer_ix;
create index tickets_customer_ix on tickets (tenant_id, customer_id) where customer_id is not null;
