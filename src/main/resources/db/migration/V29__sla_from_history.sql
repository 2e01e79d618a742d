-- A ticket's SLA clocks are now computed from its logged history (ticket_events) whenever they are needed, so the
-- facts copied from it (sla_facts, one row per fact) and the metrics rewritten after every event (sla_metrics) are
-- no longer kept. What cannot be derived stays in the ticket's one sla_tickets row: the next moment its clocks need
-- looking at (due_at, polled by every node (SlaDue) in place of one timer execution per reminder, breach
-- and escalation) and, from its close, the metrics it keeps (result, JSON). Tickets closed before this keep their
-- rows in sla_metrics, which is read for them and no longer written; open ones are looked at by their old timer
-- executions or at their next event.
alter table sla_tickets add column due_at timestamp with time zone;
alter table sla_tickets add column result text;
create index sla_tickets_due_ix on sla_tickets (due_at);
drop index sla_tickets_open_ix;
drop table sla_facts;
