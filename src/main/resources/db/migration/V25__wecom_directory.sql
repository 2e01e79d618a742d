-- The WeCom directory (通讯录) synced into the organisation. A department created from WeCom carries WeCom's
-- department id; a user is linked once the sync created or matched them (by wecom_user_id), and only linked users
-- are deactivated when they leave WeCom. Rows an administrator made by hand stay untouched.
alter table departments add column wecom_department_id bigint;
create unique index departments_wecom_uk on departments (tenant_id, wecom_department_id);

alter table users add column wecom_linked_at timestamp with time zone;
