package dev.baton.ticket;

import java.util.List;

/**
 * The ticket events of one delivery round, published right after them in the same transaction: for listeners that
 * do the same work per ticket whatever the number of its events (the SLA module recomputes each ticket once per
 * round, not once per event). When a round is delivered event by event (after a listener failed), each event's
 * batch holds just its own events, inside its savepoint.
 */
public record TicketEventBatch(List<TicketEvent> events) {

    public TicketEventBatch {
        events = List.copyOf(events);
    }
}
