-- Deleting a template hides it; its versions stay, because tickets created from it keep reading their
-- field definitions. Its code stays reserved for the same reason.
alter table templates add column deleted_at timestamp with time zone;
