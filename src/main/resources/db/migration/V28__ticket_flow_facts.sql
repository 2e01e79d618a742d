-- The flow state's facts (ticket.* and customer.* values conditions read) are set when the flow starts and never
-- change, but inside flow_state they sat in the middle of the row, and PostgreSQL logs the whole changed middle of
-- a row on every update (from the first changed column to the last: version). A column added last lies after
-- version, in the unchanged tail, so an update no longer logs it. Null for rows written before: their facts are
-- still in flow_state and move here the next time the flow state is written (TicketWriter).
alter table tickets add column flow_facts text;
