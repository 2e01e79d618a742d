package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;

import dev.baton.flow.InFlightTickets;
import dev.baton.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Tells the flow module where unfinished tickets of a flow wait, so publishing can check their moves. */
@Component
class InFlightPositions implements InFlightTickets {

    private final DSLContext db;

    InFlightPositions(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Position> positions(long tenantId, long flowId, int belowVersion) {
        List<Position> positions = new ArrayList<>();
        this.db
                .select(TICKETS.ID, TICKETS.NUMBER, TICKETS.FLOW_VERSION, TICKETS.CURRENT_NODES)
                .from(TICKETS)
                .where(
                        TICKETS.TENANT_ID.eq(tenantId),
                        TICKETS.FLOW_ID.eq(flowId),
                        TICKETS.FLOW_VERSION.lt(belowVersion),
                        TICKETS.STATUS.in(
                                TicketStatus.OPEN.code(),
                                TicketStatus.IN_PROGRESS.code(),
                                TicketStatus.SUSPENDED.code()))
                .forEach(r -> {
                    for (String node : r.value4().split(",")) {
                        if (!node.isEmpty()) {
                            positions.add(new Position(r.value1(), r.value2(), r.value3(), node));
                        }
                    }
                });
        return positions;
    }
}
