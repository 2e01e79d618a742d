package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;

import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketEventLog;
import dev.baton.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * {@link TicketEventLog} over {@code ticket_events}: one indexed read for any number of tickets (an array bind, so
 * the statement text is the same whatever their number and stays prepared).
 */
@Component
class LoggedHistory implements TicketEventLog {

    private static final List<String> RUNNING = Arrays.stream(TicketStatus.values())
            .filter(TicketStatus::running)
            .map(TicketStatus::code)
            .toList();

    private final DSLContext db;
    private final EventRelay relay;

    LoggedHistory(DSLContext db, EventRelay relay) {
        this.db = db;
        this.relay = relay;
    }

    @Override
    public Map<Long, List<TicketEvent>> history(long tenantId, Collection<Long> ticketIds) {
        Map<Long, List<TicketEvent>> out = new LinkedHashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        this.db
                .select(
                        TICKET_EVENTS.TICKET_ID,
                        TICKET_EVENTS.TICKET_VERSION,
                        TICKET_EVENTS.CREATED_AT,
                        TICKET_EVENTS.DOMAIN_EVENTS)
                .from(TICKET_EVENTS)
                .where(
                        TICKET_EVENTS.TENANT_ID.eq(tenantId),
                        TICKET_EVENTS.TICKET_ID.eq(DSL.any(ticketIds.toArray(Long[]::new))),
                        TICKET_EVENTS.DOMAIN_EVENTS.isNotNull())
                .orderBy(TICKET_EVENTS.TICKET_ID, TICKET_EVENTS.TICKET_VERSION)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .addAll(this.relay.decode(tenantId, r.value1(), r.value2(), r.value3(), r.value4())));
        return out;
    }

    @Override
    public Map<Long, List<TicketEvent>> historyAsDelivered(long tenantId, Collection<Long> ticketIds) {
        Map<Long, List<TicketEvent>> known = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : ticketIds) {
            List<TicketEvent> events = this.relay.delivered(tenantId, id);
            if (events == null) {
                unknown.add(id);
            } else {
                known.put(id, events);
            }
        }
        known.putAll(history(tenantId, unknown));
        // in the order asked for, as history() answers (ticket order, the order rows are locked in)
        Map<Long, List<TicketEvent>> out = new LinkedHashMap<>();
        for (Long id : ticketIds) {
            List<TicketEvent> events = known.get(id);
            if (events != null && !events.isEmpty()) {
                out.put(id, events);
            }
        }
        return out;
    }

    @Override
    public List<Long> openTickets(long tenantId) {
        return this.db
                .select(TICKETS.ID)
                .from(TICKETS)
                // closed_at is null for every running ticket, and is what PostgreSQL's partial index holds
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.CLOSED_AT.isNull(), TICKETS.STATUS.in(RUNNING))
                .orderBy(TICKETS.ID)
                .fetch(TICKETS.ID);
    }
}
