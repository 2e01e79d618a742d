package dev.baton.flow;

import java.util.List;

/**
 * Where running tickets stand, implemented by the ticket module so publishing can check moves: a ticket
 * pinned to an older version moves onto the newest one when it next leaves a node (see {@link FlowMoves}),
 * so every position must have a place there. Publishing asks every bean that implements this and takes the
 * union; with none, no ticket is running.
 */
public interface InFlightTickets {

    /** Active positions of unfinished tickets of this flow on versions below {@code belowVersion}. */
    List<Position> positions(long tenantId, long flowId, int belowVersion);

    /**
     * One token of a running ticket.
     *
     * @param ticketNumber the number users know the ticket by, listed when publishing is refused
     * @param nodeId the node of version {@code flowVersion} the token waits at
     */
    record Position(long ticketId, String ticketNumber, int flowVersion, String nodeId) {}
}
