package dev.baton.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The tickets' own domain events as logged, for modules that derive their state from a ticket's whole history. */
public interface TicketEventLog {

    /** Every logged event of each ticket of the tenant, in the order they happened; tickets without events are left out. */
    Map<Long, List<TicketEvent>> history(long tenantId, Collection<Long> ticketIds);

    /**
     * As {@link #history}, for a listener of a {@link TicketEventBatch}: each ticket's events at least up to those
     * the batch delivered, from memory where this node delivered every one of them (later rows, committed since,
     * come with the next batch).
     */
    Map<Long, List<TicketEvent>> historyAsDelivered(long tenantId, Collection<Long> ticketIds);

    /** The tenant's tickets that are not closed, resolved or cancelled (ascending ids). */
    List<Long> openTickets(long tenantId);
}
